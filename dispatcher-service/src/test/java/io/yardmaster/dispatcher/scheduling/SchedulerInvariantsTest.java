package io.yardmaster.dispatcher.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.testing.DispatcherHarness;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.EventType;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The invariants of DESIGN.md that the scheduler stage owns, on the real topology. */
class SchedulerInvariantsTest {
  private static final PoolConfig MAIN = PoolConfig.of("main");

  private static DispatcherHarness harness(int workAheadCap) {
    return new DispatcherHarness(
        List.of(MAIN), c -> c.withScheduler(c.scheduler().withWorkAheadCap(workAheadCap)));
  }

  @Test
  void shouldBringEveryAcceptedTaskToExactlyOneTerminalStateWhenAgentsFailSome() {
    try (DispatcherHarness h = harness(2)) {
      // GIVEN three agents and 300 tasks, a fifth of executions failing
      Random random = new Random(7);
      for (int i = 0; i < 300; i++) {
        h.submit(TaskSubmission.of("t" + i, "noop").withRetries(2, Duration.ofMillis(100)));
      }
      // WHEN agents run whatever they are sent, for a while
      for (int round = 0; round < 400; round++) {
        for (String agent : List.of("a1", "a2", "a3")) {
          h.heartbeat("main", agent, 2, Set.of());
        }
        for (Assignment a : h.newAssignments("main")) {
          h.started(a);
          if (random.nextInt(5) == 0) {
            h.failed(a, "boom");
          } else {
            h.succeeded(a);
          }
        }
        h.advance(Duration.ofMillis(100));
      }
      // THEN every task is terminal in tasks.state, and each reached a terminal state exactly once
      Map<String, Integer> terminalEvents = new HashMap<>();
      h.events().stream()
          .filter(e -> e.type() == EventType.TRANSITION && e.to().isTerminal())
          .forEach(e -> terminalEvents.merge(e.taskId(), 1, Integer::sum));
      assertThat(h.events()).noneMatch(e -> e.type() == EventType.DUPLICATE_SUBMISSION);
      for (int i = 0; i < 300; i++) {
        assertThat(h.stateOf("t" + i))
            .as("t" + i)
            .isIn(TaskState.SUCCEEDED, TaskState.DEAD_LETTERED);
        assertThat(terminalEvents.get("t" + i)).as("terminal transitions of t" + i).isEqualTo(1);
      }
    }
  }

  @Test
  void shouldIgnoreAndCountAResultFromAStaleLease() {
    try (DispatcherHarness h = harness(0)) {
      // GIVEN a task leased to a1, whose lease then expires because a1 goes silent
      h.submit(TaskSubmission.of("t1", "noop"));
      h.heartbeat("main", "a1", 1, Set.of());
      Assignment first = h.newAssignments("main").get(0);
      for (int i = 0; i < 5; i++) {
        h.advance(Duration.ofSeconds(1));
        h.heartbeat("main", "a2", 1, Set.of());
      }
      Assignment second = h.newAssignments("main").get(0);
      assertThat(second.agentId()).isEqualTo("a2");
      assertThat(second.attempt()).isEqualTo(2);
      // WHEN a1 comes back and reports success on its old lease
      h.succeeded(first);
      // THEN the result is ignored: the task still runs on a2 and an event names the stale lease
      assertThat(h.stateOf("t1")).isEqualTo(TaskState.ASSIGNED);
      assertThat(h.events())
          .anyMatch(
              e -> e.type() == EventType.STALE_RESULT && e.reason().contains(first.leaseId()));
      // AND the current lease's result counts
      h.succeeded(second);
      assertThat(h.stateOf("t1")).isEqualTo(TaskState.SUCCEEDED);
    }
  }

  @Test
  void shouldStartTasksInScoreOrderAcrossTheWholeBacklogWhenAgentsAreSaturated() {
    try (DispatcherHarness h = harness(0)) {
      // GIVEN a backlog of 60 tasks of random levels queued before any agent exists
      Random random = new Random(11);
      Map<String, Integer> levels = new HashMap<>();
      for (int i = 0; i < 60; i++) {
        int level = 1 + random.nextInt(10);
        levels.put("t" + i, level);
        h.submit(TaskSubmission.of("t" + i, "noop").withPriority(Priority.of(level)));
      }
      // WHEN one single-slot agent works through them
      h.heartbeat("main", "a1", 1, Set.of());
      List<String> order = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        List<Assignment> sent = h.newAssignments("main");
        assertThat(sent).hasSize(1);
        order.add(sent.get(0).taskId());
        h.succeeded(sent.get(0));
      }
      // THEN levels never rise along the order, and equal levels keep arrival order
      for (int i = 1; i < order.size(); i++) {
        int prev = levels.get(order.get(i - 1));
        int cur = levels.get(order.get(i));
        assertThat(cur).as("level at position " + i).isLessThanOrEqualTo(prev);
        if (cur == prev) {
          assertThat(Integer.parseInt(order.get(i).substring(1)))
              .isGreaterThan(Integer.parseInt(order.get(i - 1).substring(1)));
        }
      }
    }
  }

  @Test
  void shouldLetADueDeadlineOvertakeAHigherLevelAndAgingLiftAStarvedTask() {
    try (DispatcherHarness h = harness(0)) {
      // GIVEN a starved level-1 task queued 20 minutes ago (aging 1 point a minute)
      h.submit(TaskSubmission.of("old-low", "noop").withPriority(Priority.of(1)));
      h.advance(Duration.ofMinutes(20));
      // AND a level-9 task, and a level-3 task due in 30 minutes (urgency 5: score 15)
      h.submit(TaskSubmission.of("high", "noop").withPriority(Priority.of(9)));
      h.submit(
          TaskSubmission.of("due", "noop")
              .withPriority(Priority.of(3).withDeadline(h.now().plus(Duration.ofMinutes(30)))));
      h.submit(
          TaskSubmission.of("due-later", "noop")
              .withPriority(Priority.of(3).withDeadline(h.now().plus(Duration.ofHours(4)))));
      // WHEN a single-slot agent takes them one by one
      h.heartbeat("main", "a1", 1, Set.of());
      List<String> order = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Assignment a = h.newAssignments("main").get(0);
        order.add(a.taskId());
        h.succeeded(a);
      }
      // THEN old-low (1 + 20 aging = 21) and due (15) go before high (9), and due-later (3×1.25)
      // last
      assertThat(order).containsExactly("old-low", "due", "high", "due-later");
    }
  }

  @Test
  void shouldNeverLeaveAnAgentHoldingMoreThanItsSlotsPlusTheWorkAheadCap() {
    int cap = 2;
    try (DispatcherHarness h = harness(cap)) {
      // GIVEN 200 queued tasks and two agents of 3 slots that finish tasks slowly
      for (int i = 0; i < 200; i++) {
        h.submit(TaskSubmission.of("t" + i, "noop"));
      }
      Map<String, Set<String>> held = new HashMap<>();
      int maxHeld = 0;
      List<Assignment> pending = new ArrayList<>();
      for (int round = 0;
          round < 400
              && h.views().values().stream().filter(v -> v.state() == TaskState.SUCCEEDED).count()
                  < 200;
          round++) {
        h.heartbeat("main", "a1", 3, Set.of());
        h.heartbeat("main", "a2", 3, Set.of());
        for (Assignment a : h.newAssignments("main")) {
          held.computeIfAbsent(a.agentId(), k -> new HashSet<>()).add(a.taskId());
          pending.add(a);
          h.started(a);
        }
        for (Set<String> s : held.values()) {
          maxHeld = Math.max(maxHeld, s.size());
        }
        // WHEN each agent finishes only one task per round
        for (String agent : List.of("a1", "a2")) {
          pending.stream()
              .filter(a -> a.agentId().equals(agent))
              .findFirst()
              .ifPresent(
                  a -> {
                    pending.remove(a);
                    held.get(agent).remove(a.taskId());
                    h.succeeded(a);
                  });
        }
        h.advance(Duration.ofMillis(50));
      }
      // THEN no agent ever held more than slots + cap, and all tasks finished
      assertThat(maxHeld).isLessThanOrEqualTo(3 + cap).isGreaterThan(3);
      assertThat(h.views().values()).filteredOn(v -> v.state() == TaskState.SUCCEEDED).hasSize(200);
    }
  }

  @Test
  void shouldRetryWithBackoffThenDeadLetterAfterExactlyMaxRetriesPlusOneAttempts() {
    try (DispatcherHarness h = harness(0)) {
      // GIVEN a task allowed 2 retries with a 1 s backoff, and an agent where it always fails
      h.submit(TaskSubmission.of("poison", "noop").withRetries(2, Duration.ofSeconds(1)));
      h.heartbeat("main", "a1", 1, Set.of());
      List<Assignment> attempts = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        List<Assignment> sent = h.newAssignments("main");
        attempts.addAll(sent);
        sent.forEach(a -> h.failed(a, "always fails"));
        // WHEN less than the backoff passes, nothing is re-sent
        h.advance(Duration.ofMillis(500));
        assertThat(h.newAssignments("main")).isEmpty();
        for (int step = 0; step < 10; step++) {
          h.heartbeat("main", "a1", 1, Set.of());
          h.advance(Duration.ofMillis(500));
        }
      }
      // THEN exactly 3 attempts ran, numbered 1..3, and the task is dead-lettered with its history
      assertThat(attempts).extracting(Assignment::attempt).containsExactly(1, 2, 3);
      assertThat(h.stateOf("poison")).isEqualTo(TaskState.DEAD_LETTERED);
      List<DeadLetter> dlq = h.deadLetters();
      assertThat(dlq).hasSize(1);
      assertThat(dlq.get(0).attempts())
          .hasSize(3)
          .allMatch(r -> r.error().message().equals("always fails"));
    }
  }

  @Test
  void shouldRequeueTheLeasesOfAnAgentThatMissesItsHeartbeats() {
    try (DispatcherHarness h = harness(0)) {
      // GIVEN a1 running two tasks, and a2 busy with nothing
      h.heartbeat("main", "a1", 2, Set.of());
      h.submit(TaskSubmission.of("x", "noop"));
      h.submit(TaskSubmission.of("y", "noop"));
      assertThat(h.newAssignments("main")).extracting(Assignment::agentId).containsOnly("a1");
      // WHEN a1 stops sending heartbeats while a2 keeps sending them
      for (int i = 0; i < 2; i++) {
        h.advance(Duration.ofSeconds(1));
        h.heartbeat("main", "a2", 2, Set.of());
      }
      assertThat(h.newAssignments("main")).as("not yet: within 3 missed beats").isEmpty();
      for (int i = 0; i < 3; i++) {
        h.advance(Duration.ofMillis(700));
        h.heartbeat("main", "a2", 2, Set.of());
      }
      // THEN both tasks go to a2 as attempt 2
      assertThat(h.newAssignments("main"))
          .extracting(Assignment::agentId, Assignment::attempt)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("a2", 2),
              org.assertj.core.groups.Tuple.tuple("a2", 2));
      assertThat(h.events())
          .anyMatch(
              e ->
                  e.type() == EventType.AGENT_HEALTH
                      && e.taskId().equals("a1")
                      && e.reason().contains("offline"));
    }
  }

  @Test
  void shouldNotExpireAgentsWhileTheDispatcherWorksThroughABacklog() {
    try (DispatcherHarness h = harness(0)) {
      // GIVEN two agents, a1 holding a task
      h.heartbeat("main", "a1", 1, Set.of());
      h.heartbeat("main", "a2", 1, Set.of());
      h.submit(TaskSubmission.of("held", "noop"));
      assertThat(h.newAssignments("main")).hasSize(1);
      // WHEN for 6 s the dispatcher reads a2's heartbeats only 2 s after they were written
      for (int i = 0; i < 60; i++) {
        h.advance(Duration.ofMillis(100));
        h.heartbeatOld("main", "a2", 1, Duration.ofSeconds(2));
      }
      // THEN no lease expired: the agents' heartbeats are waiting behind the backlog
      assertThat(h.events())
          .noneMatch(e -> e.type() == EventType.AGENT_HEALTH && e.reason().contains("offline"));
      // AND once it has caught up, an agent that stays silent is detected as before
      for (int i = 0; i < 8; i++) {
        h.advance(Duration.ofMillis(500));
        h.heartbeat("main", "a2", 1, Set.of());
      }
      assertThat(h.events())
          .anyMatch(e -> e.type() == EventType.AGENT_HEALTH && e.reason().contains("offline"));
    }
  }

  @Test
  void shouldNotLetALateGoodbyeBringBackAnAgentThatLeft() {
    try (DispatcherHarness h = harness(0)) {
      // GIVEN an agent that said it is leaving and has no work, so it left
      h.heartbeat("main", "a1", 1, Set.of());
      h.heartbeat(
          "main", "a1", 1, Set.of(), null, io.yardmaster.model.AgentHeartbeat.Status.LEAVING);
      // WHEN its last LEAVING heartbeat arrives after that, and a task comes
      h.heartbeat(
          "main", "a1", 1, Set.of(), null, io.yardmaster.model.AgentHeartbeat.Status.LEAVING);
      h.submit(TaskSubmission.of("t", "noop"));
      // THEN it did not join again, and nothing is sent to it
      assertThat(h.events())
          .filteredOn(e -> e.taskId().equals("a1") && e.reason().contains("joined"))
          .hasSize(1);
      assertThat(h.newAssignments("main")).isEmpty();
    }
  }

  @Test
  void shouldNotLetATaskNoFreeAgentCanServeBlockTheTasksBehindIt() {
    try (DispatcherHarness h = harness(0)) {
      // GIVEN a top-priority task that needs a GPU, and a lower one anyone can run
      h.submit(
          TaskSubmission.of("gpu-job", "train")
              .withCapabilities(Set.of("gpu"))
              .withPriority(Priority.of(10)));
      h.submit(TaskSubmission.of("plain", "noop").withPriority(Priority.of(2)));
      // WHEN only a CPU agent is there
      h.heartbeat("main", "cpu-1", 1, Set.of("cpu"));
      // THEN the plain task runs; the GPU task waits for a GPU agent, then runs there
      assertThat(h.newAssignments("main")).extracting(Assignment::taskId).containsExactly("plain");
      h.heartbeat("main", "gpu-1", 1, Set.of("gpu", "cpu"));
      assertThat(h.newAssignments("main"))
          .extracting(Assignment::taskId, Assignment::agentId)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("gpu-job", "gpu-1"));
    }
  }

  @Test
  void shouldRequeueReleasedTasksAtOnceWithoutCountingAFailure() {
    try (DispatcherHarness h = harness(0)) {
      // GIVEN a task sent to a draining agent
      h.submit(TaskSubmission.of("t", "noop").withRetries(0, Duration.ofSeconds(1)));
      h.heartbeat("main", "a1", 1, Set.of());
      Assignment a = h.newAssignments("main").get(0);
      // WHEN the agent hands it back unstarted and leaves
      h.heartbeat(
          "main", "a1", 1, Set.of(), null, io.yardmaster.model.AgentHeartbeat.Status.LEAVING);
      h.result(a, TaskResult.Status.RELEASED, null);
      h.heartbeat("main", "a2", 1, Set.of());
      // THEN it runs elsewhere, even though it has no retries left
      Assignment again = h.newAssignments("main").get(0);
      assertThat(again.agentId()).isEqualTo("a2");
      h.succeeded(again);
      assertThat(h.stateOf("t")).isEqualTo(TaskState.SUCCEEDED);
    }
  }
}
