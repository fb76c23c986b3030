package io.yardmaster.dispatcher.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.scheduling.InvariantCheckingOutbox.Op;
import io.yardmaster.dispatcher.scheduling.InvariantCheckingOutbox.TaskModel;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.EventType;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.json.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One pool's scheduler core, its agents and its operators on a simulated clock, with an {@link
 * InvariantCheckingOutbox} watching every step: tasks of random priorities, deadlines and needs
 * arrive; agents join, fail tasks, go silent, come back, leave; operators cancel, reprioritise,
 * replay, pause and resume; the dispatcher restarts from its store now and then.
 */
final class PoolSimulation {
  static final long START = Instant.parse("2026-12-04T12:00:00Z").toEpochMilli();
  static final List<String> CAPS = List.of("cpu", "gpu", "ssd");
  static final long HEARTBEAT_MS = 1000;
  static final int TASKS = 2500;
  static final Set<TaskState> QUEUED = Set.of(TaskState.READY, TaskState.RETRY_WAIT);
  static final Set<TaskState> LEASED = Set.of(TaskState.ASSIGNED, TaskState.RUNNING);
  static final Set<TaskState> STORED =
      Set.of(
          TaskState.READY,
          TaskState.RETRY_WAIT,
          TaskState.ASSIGNED,
          TaskState.RUNNING,
          TaskState.DEAD_LETTERED);

  final SplittableRandom rnd;
  final boolean estimates;
  final SchedulerOptions options;
  final TaskStore store;
  final InvariantCheckingOutbox model;
  final Map<String, SimulatedAgent> agents = new LinkedHashMap<>();
  final List<String> ids = new ArrayList<>();
  PoolScheduler scheduler;
  long now = START;
  long leases;
  int submitted;
  int steps;

  PoolSimulation(long seed) {
    this(seed, null);
  }

  /** A simulation with the given strategy (null: drawn by seed), tasks then carrying estimates. */
  PoolSimulation(long seed, String strategy) {
    rnd = new SplittableRandom(seed);
    estimates = strategy != null;
    // Every other seed keeps serialized copies, as the service's state store does, so a record
    // changed but not written back is lost as it would be there.
    store = seed % 2 == 0 ? serializing() : TaskStore.inMemory();
    ScoringOptions scoring =
        new ScoringOptions(
            rnd.nextBoolean() ? Duration.ofHours(5) : Duration.ofMinutes(2),
            rnd.nextBoolean() ? 1.0 : 0.0,
            rnd.nextBoolean() ? 0.01 : 0.1,
            rnd.nextBoolean() ? Duration.ofMinutes(1) : Duration.ofMillis(1),
            rnd.nextBoolean() ? ScoringOptions.DEFAULT_OVERDUE_URGENCY : 1.0);
    options =
        SchedulerOptions.DEFAULTS
            .withScoring(scoring)
            .withWorkAheadCap(rnd.nextInt(4))
            .withStrategy(strategyOr(strategy, rnd.nextBoolean()));
    model =
        new InvariantCheckingOutbox(
            options, HEARTBEAT_MS * options.missedHeartbeats(), id -> agents.get(id).facts());
    scheduler = newScheduler();
    for (int i = 0; i < 4; i++) {
      join(CAPS.size());
    }
  }

  private static String strategyOr(String strategy, boolean leastLoaded) {
    return strategy != null ? strategy : leastLoaded ? "least-loaded" : "round-robin";
  }

  PoolScheduler newScheduler() {
    return new PoolScheduler("main", options, store, model, rnd.split(), () -> "L" + ++leases);
  }

  int dead() {
    return model.counts.getOrDefault(TaskState.DEAD_LETTERED, 0);
  }

  void chaos() {
    while (submitted < TASKS || steps < 2000) {
      now += rnd.nextInt(400);
      double p = rnd.nextDouble();
      if (p < 0.15 && submitted < TASKS) {
        for (int n = 1 + rnd.nextInt(40); n > 0 && submitted < TASKS; n--) {
          submit();
        }
      } else if (p < 0.22) {
        command();
      } else if (p < 0.235 && agents.values().stream().filter(a -> a.active).count() < 7) {
        join(rnd.nextInt(CAPS.size() + 1));
      } else if (p < 0.245) {
        long quiet = rnd.nextInt(10) == 0 ? 1L << 50 : 500 + rnd.nextInt(8000);
        pick().ifPresent(a -> a.silentUntil = now + quiet);
      } else if (p < 0.25) {
        pick().ifPresent(a -> a.leaving = true);
      } else if (p < 0.255) {
        resubmit();
      }
      if (steps % 1000 == 999) {
        restart();
      }
      step();
    }
  }

  void drain() {
    if (model.paused) {
      command(ControlCommand.resume("main"));
    }
    join(CAPS.size());
    join(CAPS.size());
    for (int i = 0; i < 20_000 && !allDone(); i++) {
      now += 200;
      step();
    }
  }

  boolean allDone() {
    return model.tasks.size()
        == model.counts.getOrDefault(TaskState.SUCCEEDED, 0)
            + model.counts.getOrDefault(TaskState.CANCELLED, 0)
            + dead();
  }

  Optional<SimulatedAgent> pick() {
    List<SimulatedAgent> live =
        agents.values().stream().filter(a -> a.active && !a.leaving).toList();
    return live.isEmpty() ? Optional.empty() : Optional.of(live.get(rnd.nextInt(live.size())));
  }

  void step() {
    for (SimulatedAgent a : List.copyOf(agents.values())) {
      a.act();
    }
    run(Op.TICK, null, null, "tick", () -> scheduler.tick(now));
    assertThat(scheduler.ready().size()).as("queued").isEqualTo(model.readyIds.size());
    assertThat(scheduler.retryWaiting())
        .as("waiting to retry")
        .isEqualTo(model.counts.getOrDefault(TaskState.RETRY_WAIT, 0));
    steps++;
  }

  void run(Op op, String taskId, TaskResult result, String what, Runnable action) {
    model.begin(op, taskId, result, now, what);
    action.run();
    for (Assignment a : model.end()) {
      agents.get(a.agentId()).inbox(a);
    }
  }

  void submit() {
    Priority priority = priority();
    Set<String> caps = new HashSet<>();
    CAPS.forEach(c -> caps.add(rnd.nextInt(5) == 0 ? c : "cpu"));
    TaskSubmission drawn =
        TaskSubmission.of("t" + submitted++, "work")
            .withPriority(priority)
            .withCapabilities(caps)
            .withRetries(rnd.nextInt(4), Duration.ofMillis(100 + rnd.nextInt(2000)))
            .withTimeout(Duration.ofSeconds(rnd.nextInt(10) == 0 ? 2 + rnd.nextInt(8) : 300));
    TaskSubmission t =
        estimates ? drawn.withEstimatedDuration(Duration.ofMillis(50 + rnd.nextInt(5_000))) : drawn;
    ids.add(t.id());
    model.submitted(t);
    run(Op.ENQUEUE, t.id(), null, "enqueue " + t.id(), () -> scheduler.enqueue(t, null, now));
  }

  Priority priority() {
    int kind = rnd.nextInt(5);
    long ahead =
        switch (kind) {
          case 1 -> -rnd.nextLong(3_600_000);
          case 2 -> 1_000 + rnd.nextLong(60_000);
          case 3 -> 60_000 + rnd.nextLong(3_600_000);
          case 4 -> 3_600_000 + rnd.nextLong(36_000_000);
          default -> 0;
        };
    return new Priority(
        1 + rnd.nextInt(10),
        0.1 + rnd.nextDouble(10),
        kind == 0 ? null : Instant.ofEpochMilli(now + ahead),
        rnd.nextInt(10) == 0 ? 2.0 : 1.0);
  }

  void command() {
    int kind = rnd.nextInt(10);
    command(
        switch (kind) {
          case 0 -> ControlCommand.cancel(target(LEASED));
          case 1 -> ControlCommand.cancel(target(Set.of(TaskState.RETRY_WAIT)));
          case 2 -> ControlCommand.cancel(target(QUEUED));
          case 3, 4, 5 -> ControlCommand.reprioritise(target(QUEUED), priority());
          case 6, 7 -> ControlCommand.replay(target(Set.of(TaskState.DEAD_LETTERED)));
          default ->
              rnd.nextBoolean() ? ControlCommand.pause("main") : ControlCommand.resume("main");
        });
  }

  /** Mostly a task in one of these states; sometimes any task, or one never submitted. */
  String target(Set<TaskState> states) {
    List<String> fit =
        ids.stream().filter(id -> states.contains(model.tasks.get(id).state)).toList();
    int r = rnd.nextInt(6);
    if (r == 0 || ids.isEmpty()) {
      return "never-submitted";
    }
    return r == 1 || fit.isEmpty()
        ? ids.get(rnd.nextInt(ids.size()))
        : fit.get(rnd.nextInt(fit.size()));
  }

  /** Submits a task again while the pool still holds it: nothing may change. */
  void resubmit() {
    String id = target(STORED);
    TaskModel m = model.tasks.get(id);
    if (m == null || !STORED.contains(m.state)) {
      return;
    }
    TaskState before = m.state;
    run(
        Op.ENQUEUE,
        "again " + id,
        null,
        "resubmit " + id,
        () -> scheduler.enqueue(m.task, null, now));
    assertThat(model.notes.get(model.notes.size() - 1).type())
        .isEqualTo(EventType.DUPLICATE_SUBMISSION);
    assertThat(m.state).isEqualTo(before);
  }

  void command(ControlCommand c) {
    TaskModel m = c.taskId() == null ? null : model.tasks.get(c.taskId());
    TaskState before = m == null ? null : m.state;
    boolean expected =
        switch (c.action()) {
          case CANCEL -> before != null && (QUEUED.contains(before) || LEASED.contains(before));
          case REPRIORITISE -> before == TaskState.READY || before == TaskState.RETRY_WAIT;
          case REPLAY -> before == TaskState.DEAD_LETTERED;
          case PAUSE_POOL -> !model.paused;
          case RESUME_POOL -> model.paused;
          case EXPLAIN -> throw new IllegalArgumentException("EXPLAIN is not a change");
        };
    if (c.action().targetsPool() && expected) {
      model.paused = c.action() == ControlCommand.Action.PAUSE_POOL;
    }
    PoolScheduler.ControlResult[] result = new PoolScheduler.ControlResult[1];
    run(
        Op.COMMAND,
        c.taskId(),
        null,
        c.action() + " " + c.key(),
        () -> result[0] = PoolControl.apply(scheduler, c, model, now));
    assertThat(result[0].accepted())
        .as(c.action() + " of a task that was " + before)
        .isEqualTo(expected);
    if (expected && c.action() == ControlCommand.Action.REPRIORITISE) {
      assertThat(m.priority).isEqualTo(c.priority());
    }
    if (expected
        && c.action() == ControlCommand.Action.CANCEL
        && before != TaskState.ASSIGNED
        && before != TaskState.RUNNING) {
      assertThat(m.state).isEqualTo(TaskState.CANCELLED);
    }
  }

  void restart() {
    model.tally.merge("restart", 1, Integer::sum);
    scheduler = newScheduler();
    run(
        Op.RESTART,
        null,
        null,
        "restart",
        () -> {
          store.forEach(r -> scheduler.restore(r, now));
          if (model.paused) {
            PoolControl.apply(scheduler, ControlCommand.pause("main"), model, now);
          }
        });
  }

  void join(int capCount) {
    String id = "a" + agents.size();
    Set<String> caps = new HashSet<>(List.of("cpu"));
    caps.addAll(CAPS.subList(0, capCount));
    agents.put(id, new SimulatedAgent(this, id, 1 + rnd.nextInt(4), caps));
  }

  private static TaskStore serializing() {
    JsonSerde<TaskRecord> serde = JsonSerde.of(TaskRecord.class);
    Map<String, byte[]> map = new LinkedHashMap<>();
    return new TaskStore() {
      @Override
      public TaskRecord get(String taskId) {
        byte[] bytes = map.get(taskId);
        return bytes == null ? null : serde.deserialize("", bytes);
      }

      @Override
      public void put(TaskRecord record) {
        map.put(record.id(), serde.serialize("", record));
      }

      @Override
      public void delete(String taskId) {
        map.remove(taskId);
      }

      @Override
      public void forEach(Consumer<TaskRecord> action) {
        List.copyOf(map.values()).forEach(bytes -> action.accept(serde.deserialize("", bytes)));
      }
    };
  }
}
