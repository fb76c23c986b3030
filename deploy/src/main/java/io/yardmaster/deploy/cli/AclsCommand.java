package io.yardmaster.deploy.cli;

import io.yardmaster.deploy.BadInputException;
import io.yardmaster.deploy.KafkaUnavailableException;
import io.yardmaster.deploy.security.AclPlan;
import io.yardmaster.deploy.security.Role;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateAclsOptions;
import org.apache.kafka.common.acl.AclBinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code yard acls print|apply}: the ACLs of one role (deploy/security/ACLS.md). */
@Command(
    name = "acls",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Prints or creates the Kafka ACLs of a role: dispatcher, agent (of one --pool), submitter or"
          + " operator.",
      ""
    },
    subcommands = {AclsCommand.PrintCommand.class, AclsCommand.ApplyCommand.class})
public final class AclsCommand implements Callable<Integer> {
  private final YardContext context;

  public AclsCommand(YardContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.err().println("yard acls: say 'print' or 'apply' (see 'yard acls --help')");
    return 2;
  }

  /** What both subcommands take. */
  public static final class RoleOptions {
    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "dispatcher, agent, submitter or operator.")
    String role;

    @Option(
        names = "--principal",
        required = true,
        paramLabel = "TYPE:NAME",
        description = "Who gets the ACLs, e.g. User:agent-gpu.")
    String principal;

    @Option(
        names = "--pool",
        paramLabel = "POOL",
        description = "The pool of an agent (required with --role agent).")
    String pool;

    @Option(
        names = "--application-id",
        paramLabel = "ID",
        defaultValue = AclPlan.DEFAULT_APPLICATION_ID,
        description = "The dispatcher's --application-id (default: ${DEFAULT-VALUE}).")
    String applicationId;

    List<AclBinding> bindings(KafkaOptions kafka) {
      Role r;
      try {
        r = Role.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(
            "--role must be dispatcher, agent, submitter or operator, was " + role, e);
      }
      try {
        return new AclPlan(kafka.topics(), applicationId).bindings(r, principal.strip(), pool);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      }
    }
  }

  /** {@code yard acls print}: shows the ACLs, touching nothing. */
  @Command(
      name = "print",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      usageHelpAutoWidth = true,
      description = {"Prints the ACLs of a role, one per line; needs no Kafka.", ""})
  public static final class PrintCommand implements Callable<Integer> {
    private final YardContext context;

    @Mixin RoleOptions role;
    @Mixin KafkaOptions kafka;

    public PrintCommand(YardContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      role.bindings(kafka).forEach(b -> context.out().println(AclPlan.describe(b)));
      return 0;
    }
  }

  /** {@code yard acls apply}: creates the ACLs with the Admin client (safe to repeat). */
  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      usageHelpAutoWidth = true,
      description = {
        "Creates the ACLs of a role on the cluster (as a principal allowed to alter ACLs, e.g. a"
            + " super user given by --kafka-properties). Creating an existing ACL again is a"
            + " no-op.",
        ""
      })
  public static final class ApplyCommand implements Callable<Integer> {
    private final YardContext context;

    @Mixin RoleOptions role;
    @Mixin KafkaOptions kafka;

    public ApplyCommand(YardContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      List<AclBinding> bindings = role.bindings(kafka);
      Properties props = kafka.settings().baseProperties();
      int ms = (int) kafka.timeout.toMillis();
      props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
      props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
      try (Admin admin = Admin.create(props)) {
        admin
            .createAcls(bindings, new CreateAclsOptions().timeoutMs(ms))
            .all()
            .get(ms + 1_000L, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaUnavailableException("interrupted while creating ACLs", e);
      } catch (ExecutionException e) {
        throw new KafkaUnavailableException(
            "cannot create the ACLs: " + e.getCause().getMessage(), e.getCause());
      } catch (TimeoutException e) {
        throw new KafkaUnavailableException(
            "Kafka did not answer within " + kafka.timeout + " while creating ACLs", e);
      }
      bindings.forEach(b -> context.out().println("created: " + AclPlan.describe(b)));
      return 0;
    }
  }
}
