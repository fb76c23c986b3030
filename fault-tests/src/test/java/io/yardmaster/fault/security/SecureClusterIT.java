package io.yardmaster.fault.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.deploy.security.AclPlan;
import io.yardmaster.deploy.security.Role;
import io.yardmaster.fault.harness.FaultYard;
import io.yardmaster.fault.harness.Submitter;
import io.yardmaster.kafka.ClusterOptions;
import io.yardmaster.kafka.EmbeddedKafkaCluster;
import io.yardmaster.kafka.ScramSecurity;
import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.Json;
import io.yardmaster.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.internals.Exit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Yardmaster on a broker that authenticates every client with SCRAM-SHA-256 and authorizes it by
 * the ACLs of {@code yard acls}: the dispatcher and an agent run as their own principals, each with
 * only its role's ACLs, and every denial is the broker's own exception.
 */
class SecureClusterIT {
  private static final Logger LOG = LoggerFactory.getLogger(SecureClusterIT.class);
  private static final String ADMIN = "admin";
  private static final String ADMIN_PASSWORD = "admin-secret";
  private static final String POOL_A = "a";
  private static final String POOL_B = "b";
  private static final Duration WAIT = Duration.ofSeconds(90);

  private static EmbeddedKafkaCluster kafka;
  private static FaultYard yard;
  private static Topics topics;

  @BeforeAll
  static void startSecuredYard() throws Exception {
    Exit.setExitProcedure((code, message) -> LOG.error("broker asked to exit({})", code));
    Exit.setHaltProcedure((code, message) -> LOG.error("broker asked to halt({})", code));
    kafka =
        new EmbeddedKafkaCluster(
                ClusterOptions.defaults().withScram(new ScramSecurity(ADMIN, ADMIN_PASSWORD)))
            .start();
    // the ledger reads as the super user; every Yardmaster process logs in as its own user
    yard = new FaultYard(kafka.clientSettings(), "secure");
    topics = yard.topics();
    AclPlan plan = new AclPlan(topics, AclPlan.DEFAULT_APPLICATION_ID);
    List<AclBinding> acls = new ArrayList<>();
    acls.addAll(plan.bindings(Role.DISPATCHER, "User:dispatcher", null));
    acls.addAll(plan.bindings(Role.AGENT, "User:agent-a", POOL_A));
    acls.addAll(plan.bindings(Role.AGENT, "User:agent-b", POOL_B));
    acls.addAll(plan.bindings(Role.SUBMITTER, "User:submitter", null));
    acls.addAll(plan.bindings(Role.OPERATOR, "User:operator", null));
    List<UserScramCredentialAlteration> users = new ArrayList<>();
    for (String user : List.of("dispatcher", "agent-a", "agent-b", "submitter", "operator")) {
      users.add(
          new UserScramCredentialUpsertion(
              user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), password(user)));
    }
    try (Admin admin = Admin.create(kafka.clientSettings().baseProperties())) {
      admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
      admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
    }
    yard.loginAs("dispatcher", login("dispatcher").extra());
    yard.loginAs("agent-a", login("agent-a").extra());
    yard.startDispatcher("dispatcher", POOL_A, List.of("--pool", POOL_B));
    yard.startAgentsIn(POOL_A, 2, List.of(), "agent-a");
  }

  @AfterAll
  static void stop() {
    if (yard != null) {
      yard.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void shouldRunTasksWhenEveryProcessHasOnlyItsRolesAcls() {
    // GIVEN the dispatcher and agent-a running as their own users
    // WHEN the submitter submits a task to pool a
    new Submitter(login("submitter"), topics).submit(List.of(sleep("ok-1", 10)));
    // THEN it succeeds
    await().atMost(WAIT).until(() -> state("ok-1") == TaskState.SUCCEEDED);
  }

  @Test
  void shouldRefuseAnAgentOfPoolAReadingPoolBsAssignments() {
    // GIVEN agent-a's login; WHEN it reads pool b's assignment topic
    try (KafkaConsumer<String, byte[]> consumer = consumer(login("agent-a"))) {
      TopicPartition b = new TopicPartition(topics.assignmentTopicName(POOL_B), 0);
      consumer.assign(List.of(b));
      consumer.seekToBeginning(List.of(b));
      // THEN the broker refuses it
      Throwable refused = catchUntil(() -> consumer.poll(Duration.ofSeconds(2)));
      assertThat(refused).isInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void shouldRefuseAnAgentWritingAnyAssignmentTopic() {
    for (String pool : List.of(POOL_A, POOL_B)) {
      Throwable refused =
          sendError(login("agent-a"), topics.assignmentTopicName(pool), "agent-a", "{}");
      assertThat(refused).as(pool).isInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void shouldRefuseASubmitterWritingResultsOrHeartbeats() {
    for (String topic : List.of(topics.results().name(), topics.heartbeats().name())) {
      Throwable refused = sendError(login("submitter"), topic, POOL_A, "{}");
      assertThat(refused).as(topic).isInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void shouldIgnoreAForgedResultWithAWrongLeaseAndCompleteTheTaskOnce() throws Exception {
    // GIVEN a task running on agent-a
    new Submitter(login("submitter"), topics).submit(List.of(sleep("forged-1", 3_000)));
    await().atMost(WAIT).until(() -> state("forged-1") == TaskState.RUNNING);
    // WHEN someone allowed to write results forges a success with a made-up lease
    TaskResult forged =
        new TaskResult(
            "forged-1",
            POOL_A,
            "agent-a",
            1,
            "forged-lease",
            TaskResult.Status.SUCCEEDED,
            Instant.now(),
            Instant.now(),
            0,
            1,
            null,
            null);
    Throwable error =
        sendError(
            login("agent-a"),
            topics.results().name(),
            POOL_A,
            Json.mapper().writeValueAsString(forged));
    assertThat(error).isNull();
    // THEN the dispatcher ignores it as stale, and the task completes once, on its real result
    await()
        .atMost(WAIT)
        .until(
            () ->
                yard.ledger().events().stream()
                    .anyMatch(
                        e -> e.taskId().equals("forged-1") && e.type() == EventType.STALE_RESULT));
    await().atMost(WAIT).until(() -> state("forged-1") == TaskState.SUCCEEDED);
    List<TaskEvent> succeeded =
        yard.ledger().events().stream()
            .filter(e -> e.taskId().equals("forged-1"))
            .filter(e -> e.type() == EventType.TRANSITION && e.to() == TaskState.SUCCEEDED)
            .toList();
    assertThat(succeeded).hasSize(1);
    TaskView view = yard.ledger().views().get("forged-1");
    assertThat(view.agentId()).isEqualTo("agent-a");
  }

  @Test
  void shouldRefuseAWrongPassword() {
    KafkaClientSettings wrong =
        ScramSecurity.clientSettings(kafka.bootstrapServers(), "agent-a", "not-the-password");
    try (Admin admin = Admin.create(wrong.baseProperties())) {
      Throwable refused =
          catchUntil(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS));
      assertThat(refused).isInstanceOf(SaslAuthenticationException.class);
    }
  }

  private static TaskState state(String id) {
    TaskView v = yard.ledger().views().get(id);
    return v == null ? null : v.state();
  }

  private static TaskSubmission sleep(String id, int ms) {
    return TaskSubmission.of(id, "sleep")
        .withPool(POOL_A)
        .withPayload(Json.mapper().createObjectNode().put("ms", ms));
  }

  private static String password(String user) {
    return user + "-secret";
  }

  private static KafkaClientSettings login(String user) {
    return kafka.clientSettings(user, password(user));
  }

  private static KafkaConsumer<String, byte[]> consumer(KafkaClientSettings settings) {
    Properties props = settings.baseProperties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** What sending one record as these settings fails with (unwrapped), or null when it is sent. */
  private static Throwable sendError(
      KafkaClientSettings settings, String topic, String key, String value) {
    Properties props = settings.baseProperties();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  topic, key, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .get(30, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    } catch (Exception e) {
      return e;
    }
  }

  /** Runs {@code action} until it throws (at most 30 s); what it threw, unwrapped. */
  private static Throwable catchUntil(ThrowingAction action) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        action.run();
      } catch (ExecutionException e) {
        return e.getCause();
      } catch (Exception e) {
        return e;
      }
    }
    return null;
  }

  @FunctionalInterface
  private interface ThrowingAction {
    void run() throws Exception;
  }
}
