package io.yardmaster.fault.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.fault.check.FaultReport;
import io.yardmaster.fault.harness.FaultYard;
import io.yardmaster.fault.harness.Profile;
import io.yardmaster.fault.harness.Reports;
import io.yardmaster.kafka.EmbeddedKafkaCluster;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.utils.internals.Exit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker goes away mid-run: the only broker is stopped and started again, and in a cluster of
 * three with every topic replicated three times one broker is stopped for good. Nothing is lost,
 * nothing is done twice, and the run completes.
 */
class BrokerFaultsIT {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerFaultsIT.class);
  private static final Profile PROFILE = Profile.current();
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(PROFILE.pick(3, 8));

  @BeforeAll
  static void keepTheTestJvm() {
    // a broker that hits a fatal error while stopping would call System.exit: log it instead
    Exit.setExitProcedure(
        (code, message) -> LOG.error("broker asked to exit({}): {}", code, message));
    Exit.setHaltProcedure(
        (code, message) -> LOG.error("broker asked to halt({}): {}", code, message));
  }

  @Test
  void shouldCompleteTheRunWhenTheOnlyBrokerIsStoppedAndStartedAgain() throws Exception {
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.singleNode().start();
        FaultYard yard = new FaultYard(kafka.clientSettings(), "broker-restart")) {
      // GIVEN a dispatcher and two agents working through a backlog on one broker
      yard.startDispatcher("dispatcher", List.of());
      yard.startAgents(4, List.of(), "agent-a", "agent-b");
      List<TaskSubmission> tasks = Tasks.sleeps("b", PROFILE.pick(800, 2_500), 50);
      yard.submitter().submit(tasks);
      int restarts = PROFILE.pick(1, 2);
      Duration recovery = Duration.ZERO;
      for (int i = 0; i < restarts; i++) {
        long before = yard.ledger().count(TaskState.SUCCEEDED);
        await()
            .atMost(RUN_TIMEOUT)
            .until(() -> yard.ledger().count(TaskState.SUCCEEDED) > before + 100);
        // WHEN the broker stops for a few seconds and starts again on its data
        kafka.stopNode(0);
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
        kafka.startNode(0);
        Instant back = Instant.now();
        recovery =
            WorkerFaultsIT.max(
                recovery,
                await()
                    .atMost(RUN_TIMEOUT)
                    .ignoreExceptions()
                    .until(
                        () -> Tasks.until(yard.ledger().events(), TaskState.SUCCEEDED, back),
                        r -> !r.isZero()));
      }
      // THEN every task succeeds, and the checker finds nothing wrong
      await()
          .atMost(RUN_TIMEOUT)
          .ignoreExceptions()
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> yard.ledger().count(TaskState.SUCCEEDED) == tasks.size());
      FaultReport report =
          Reports.check(yard, "broker-restart", Tasks.submitted(tasks), restarts, recovery);
      assertThat(report.holds()).as(report.describe()).isTrue();
      assertThat(yard.process("dispatcher").isAlive()).as("dispatcher alive").isTrue();
    }
  }

  @Test
  void shouldKeepGoingWhenOneOfThreeBrokersIsStopped() throws Exception {
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.withNodes(3).start();
        FaultYard yard = new FaultYard(kafka.clientSettings(), "broker-loss")) {
      // GIVEN a dispatcher whose topics (and, by the brokers' default, its own internal topics)
      // have three replicas, and two agents working through a backlog
      yard.startDispatcher("dispatcher", List.of("--replication-factor", "3"));
      yard.startAgents(4, List.of(), "agent-a", "agent-b");
      List<TaskSubmission> tasks = Tasks.sleeps("r", PROFILE.pick(800, 2_500), 50);
      yard.submitter().submit(tasks);
      long before = yard.ledger().count(TaskState.SUCCEEDED);
      await()
          .atMost(RUN_TIMEOUT)
          .until(() -> yard.ledger().count(TaskState.SUCCEEDED) > before + 100);
      // WHEN one broker is stopped for good
      kafka.stopNode(1);
      Instant stopped = Instant.now();
      // THEN the run completes, and the checker finds nothing wrong
      Duration recovery =
          await()
              .atMost(RUN_TIMEOUT)
              .ignoreExceptions()
              .until(
                  () -> Tasks.until(yard.ledger().events(), TaskState.SUCCEEDED, stopped),
                  r -> !r.isZero());
      await()
          .atMost(RUN_TIMEOUT)
          .ignoreExceptions()
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> yard.ledger().count(TaskState.SUCCEEDED) == tasks.size());
      FaultReport report =
          Reports.check(yard, "broker-loss-3-nodes", Tasks.submitted(tasks), 1, recovery);
      assertThat(report.holds()).as(report.describe()).isTrue();
      assertThat(yard.process("dispatcher").isAlive()).as("dispatcher alive").isTrue();
    }
  }
}
