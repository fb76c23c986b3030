package io.yardmaster.deploy.security;

import io.yardmaster.model.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs each {@link Role} needs, and no more, for one topic prefix: what {@code yard acls print}
 * shows and {@code yard acls apply} creates. deploy/security/ACLS.md explains each line.
 */
public final class AclPlan {
  /** The dispatcher's default Kafka Streams application id, after the topic prefix. */
  public static final String DEFAULT_APPLICATION_ID = "dispatcher";

  private final Topics topics;
  private final String applicationId;

  public AclPlan(Topics topics, String applicationId) {
    this.topics = Objects.requireNonNull(topics, "topics can't be null");
    this.applicationId = Objects.requireNonNull(applicationId, "applicationId can't be null");
  }

  /**
   * The ACLs of {@code principal} (e.g. {@code User:agent-gpu}) in {@code role}; {@code pool} names
   * the pool of an agent (required for {@link Role#AGENT}, ignored otherwise).
   */
  public List<AclBinding> bindings(Role role, String principal, String pool) {
    Objects.requireNonNull(role, "role can't be null");
    Objects.requireNonNull(principal, "principal can't be null");
    if (!principal.contains(":")) {
      throw new IllegalArgumentException(
          "principal must be TYPE:NAME, e.g. User:" + principal + ", was " + principal);
    }
    Builder b = new Builder(principal);
    String prefix = topics.prefix();
    switch (role) {
      case DISPATCHER -> {
        // every Yardmaster topic, and the Streams app's own changelog/repartition topics
        b.allow(ResourceType.TOPIC, prefix, PatternType.PREFIXED, AclOperation.ALL);
        String app = prefix + applicationId;
        b.allow(ResourceType.GROUP, app, PatternType.PREFIXED, AclOperation.READ);
        b.allow(ResourceType.GROUP, app, PatternType.PREFIXED, AclOperation.DESCRIBE);
        b.allow(ResourceType.TRANSACTIONAL_ID, app, PatternType.PREFIXED, AclOperation.WRITE);
        b.allow(ResourceType.TRANSACTIONAL_ID, app, PatternType.PREFIXED, AclOperation.DESCRIBE);
        b.allow(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE);
        b.allow(
            ResourceType.CLUSTER,
            "kafka-cluster",
            PatternType.LITERAL,
            AclOperation.DESCRIBE_CONFIGS);
      }
      case AGENT -> {
        if (pool == null || pool.isBlank()) {
          throw new IllegalArgumentException("the agent role needs --pool");
        }
        String assignments = topics.assignmentTopicName(Topics.checkPoolName(pool));
        b.allow(ResourceType.TOPIC, assignments, PatternType.LITERAL, AclOperation.READ);
        b.allow(ResourceType.TOPIC, assignments, PatternType.LITERAL, AclOperation.DESCRIBE);
        for (String t : List.of(topics.results().name(), topics.heartbeats().name())) {
          b.allow(ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.WRITE);
          b.allow(ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.DESCRIBE);
        }
        // offsets of the agent's own assignment partition: group <prefix>agent.<agent id>
        b.allow(ResourceType.GROUP, prefix + "agent.", PatternType.PREFIXED, AclOperation.READ);
        b.allow(ResourceType.GROUP, prefix + "agent.", PatternType.PREFIXED, AclOperation.DESCRIBE);
        b.allow(
            ResourceType.CLUSTER,
            "kafka-cluster",
            PatternType.LITERAL,
            AclOperation.IDEMPOTENT_WRITE);
      }
      case SUBMITTER -> {
        b.allow(
            ResourceType.TOPIC, topics.submit().name(), PatternType.LITERAL, AclOperation.WRITE);
        for (String t :
            List.of(
                topics.submit().name(),
                topics.state().name(),
                topics.events().name(),
                topics.rejected().name())) {
          b.allow(ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.DESCRIBE);
        }
        for (String t :
            List.of(topics.state().name(), topics.events().name(), topics.rejected().name())) {
          b.allow(ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.READ);
        }
      }
      case OPERATOR -> {
        b.allow(ResourceType.TOPIC, prefix, PatternType.PREFIXED, AclOperation.READ);
        b.allow(ResourceType.TOPIC, prefix, PatternType.PREFIXED, AclOperation.DESCRIBE);
        b.allow(ResourceType.TOPIC, prefix, PatternType.PREFIXED, AclOperation.DESCRIBE_CONFIGS);
        b.allow(
            ResourceType.TOPIC, topics.control().name(), PatternType.LITERAL, AclOperation.WRITE);
        b.allow(
            ResourceType.TOPIC, topics.submit().name(), PatternType.LITERAL, AclOperation.WRITE);
        b.allow(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE);
      }
      default -> throw new IllegalArgumentException("unknown role " + role);
    }
    return b.bindings;
  }

  /** One line per binding: ALLOW principal OPERATION on TYPE pattern-type NAME. */
  public static String describe(AclBinding binding) {
    ResourcePattern r = binding.pattern();
    AccessControlEntry e = binding.entry();
    return String.format(
        "%s %s %s on %s %s %s",
        e.permissionType(),
        e.principal(),
        e.operation(),
        r.resourceType(),
        r.patternType(),
        r.name());
  }

  private static final class Builder {
    private final String principal;
    private final List<AclBinding> bindings = new ArrayList<>();

    Builder(String principal) {
      this.principal = principal;
    }

    void allow(ResourceType type, String name, PatternType pattern, AclOperation op) {
      bindings.add(
          new AclBinding(
              new ResourcePattern(type, name, pattern),
              new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW)));
    }
  }
}
