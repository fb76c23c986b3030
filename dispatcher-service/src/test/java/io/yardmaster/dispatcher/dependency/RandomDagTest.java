package io.yardmaster.dispatcher.dependency;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.testing.DispatcherHarness;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Random DAGs over three pools, submitted in random order in bursts between rounds of agent work
 * (so some dependencies arrive after their dependents, some after they already finished), run by
 * agents that fail the tasks chosen to fail. Checks invariant 5 at every assignment, and that every
 * task ends where its dependencies say it must.
 */
class RandomDagTest {
  private static final Logger LOG = LoggerFactory.getLogger(RandomDagTest.class);
  private static final List<String> POOLS = List.of("p1", "p2", "p3");
  private static final Duration ROUND = Duration.ofMillis(100);
  private static final int MAX_ROUNDS = 3_000;
  private static final Pattern CAUSE = Pattern.compile("dependency (\\S+) ended (\\S+)");

  /** What the agents do with a task: run it, fail its first attempt only, or fail every attempt. */
  private enum Fate {
    SUCCEED,
    FAIL_ONCE,
    ALWAYS_FAIL
  }

  private record Spec(TaskSubmission task, Fate fate) {}

  @ParameterizedTest(name = "seed {0}: {1} tasks")
  @CsvSource({"11, 50", "23, 400", "37, 1500", "41, 5000"})
  void shouldStartNoTaskBeforeItsDependenciesSucceedWhenARandomDagArrivesInRandomOrder(
      long seed, int size) {
    // GIVEN a random DAG (independent workflows, a few links between them) over three pools, where
    // some tasks always fail (maxRetries 0 or 1) and some fail once then succeed
    Random random = new Random(seed);
    Map<String, Spec> dag = randomDag(random, size);
    Map<String, TaskState> expected = expectedEnds(dag);
    List<Spec> order = new ArrayList<>(dag.values());
    Collections.shuffle(order, random);
    try (DispatcherHarness h =
        new DispatcherHarness(POOLS.stream().map(p -> PoolConfig.of(p)).toList(), c -> c)) {
      Agents agents = new Agents(h, dag, random);
      // WHEN it is submitted in random order, in bursts between rounds of agent work
      long start = System.nanoTime();
      int rounds = agents.play(order);
      LOG.info(
          "seed {}: {} tasks in {} rounds, {} ms; expected ends {}",
          seed,
          size,
          rounds,
          (System.nanoTime() - start) / 1_000_000,
          count(expected));
      // THEN no task was assigned or released before all its dependencies had SUCCEEDED
      assertThat(agents.violations).as("invariant 5").isEmpty();
      // AND every task ended terminal, where its dependencies say it must
      Map<String, TaskView> views = h.views();
      List<String> wrong = new ArrayList<>();
      expected.forEach(
          (id, state) -> {
            TaskView v = views.get(id);
            if (v == null || v.state() != state) {
              wrong.add(id + " expected " + state + ", is " + (v == null ? "unseen" : v));
            }
          });
      assertThat(wrong).as("tasks that did not end as expected").isEmpty();
      // AND dependents of a failure never ran and name a failed dependency; the rest ran as planned
      expected.forEach(
          (id, state) -> {
            Spec s = dag.get(id);
            int planned =
                switch (state) {
                  case UPSTREAM_FAILED -> 0;
                  case DEAD_LETTERED -> s.task().maxRetries() + 1;
                  default -> s.fate() == Fate.FAIL_ONCE ? 2 : 1;
                };
            assertThat(agents.runs.getOrDefault(id, 0)).as("runs of " + id).isEqualTo(planned);
            if (state == TaskState.UPSTREAM_FAILED) {
              Matcher m = CAUSE.matcher(views.get(id).reason());
              assertThat(m.find()).as("reason of " + id + ": " + views.get(id).reason()).isTrue();
              assertThat(s.task().dependencies()).as("cause of " + id).contains(m.group(1));
              assertThat(expected.get(m.group(1))).isEqualTo(TaskState.valueOf(m.group(2)));
            }
          });
    }
  }

  /**
   * Workflows of 1 to 120 tasks; each task depends on up to three earlier tasks of its workflow,
   * and now and then on a task of an earlier workflow.
   */
  private static Map<String, Spec> randomDag(Random random, int size) {
    Map<String, Spec> dag = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (int workflow = 0; ids.size() < size; workflow++) {
      int first = ids.size();
      int n = Math.min(size - first, 1 + random.nextInt(120));
      for (int i = 0; i < n; i++) {
        Set<String> deps = new TreeSet<>();
        int k = i == 0 ? 0 : random.nextInt(4);
        for (int j = 0; j < k; j++) {
          deps.add(ids.get(first + random.nextInt(i)));
        }
        if (first > 0 && random.nextInt(50) == 0) {
          deps.add(ids.get(random.nextInt(first)));
        }
        double roll = random.nextDouble();
        Fate fate = roll < 0.02 ? Fate.ALWAYS_FAIL : roll < 0.07 ? Fate.FAIL_ONCE : Fate.SUCCEED;
        int retries =
            switch (fate) {
              case ALWAYS_FAIL -> random.nextInt(2);
              case FAIL_ONCE -> 1 + random.nextInt(2);
              case SUCCEED -> random.nextInt(3);
            };
        String id = "w" + workflow + "-" + i;
        ids.add(id);
        dag.put(
            id,
            new Spec(
                TaskSubmission.of(id, "noop")
                    .withPool(POOLS.get(random.nextInt(POOLS.size())))
                    .withDependencies(List.copyOf(deps))
                    .withRetries(retries, Duration.ofMillis(20)),
                fate));
      }
    }
    return dag;
  }

  /** Walks the DAG in creation order (a topological order) to find where each task must end. */
  private static Map<String, TaskState> expectedEnds(Map<String, Spec> dag) {
    Map<String, TaskState> ends = new LinkedHashMap<>();
    dag.forEach(
        (id, s) -> {
          boolean upstreamFailed =
              s.task().dependencies().stream().anyMatch(d -> ends.get(d) != TaskState.SUCCEEDED);
          ends.put(
              id,
              upstreamFailed
                  ? TaskState.UPSTREAM_FAILED
                  : s.fate() == Fate.ALWAYS_FAIL ? TaskState.DEAD_LETTERED : TaskState.SUCCEEDED);
        });
    return ends;
  }

  private static Map<TaskState, Integer> count(Map<String, TaskState> ends) {
    Map<TaskState, Integer> counts = new TreeMap<>();
    ends.values().forEach(s -> counts.merge(s, 1, Integer::sum));
    return counts;
  }

  /**
   * One or two agents per pool, each with one to four slots: they start what they are sent at once
   * and finish it (as its fate says) in that or a later step, in random order.
   */
  private static final class Agents {
    private final DispatcherHarness h;
    private final Map<String, Spec> dag;
    private final Random random;
    private final Map<String, Integer> slots = new LinkedHashMap<>();
    private final Set<String> succeeded = new HashSet<>();
    private final Map<String, Integer> runs = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final List<Assignment> inFlight = new ArrayList<>();
    private int eventsSeen;

    Agents(DispatcherHarness h, Map<String, Spec> dag, Random random) {
      this.h = h;
      this.dag = dag;
      this.random = random;
      for (String pool : POOLS) {
        int count = 1 + random.nextInt(2);
        for (int a = 0; a < count; a++) {
          slots.put(pool + "/" + pool + "-agent-" + a, 1 + random.nextInt(4));
        }
      }
    }

    /** Submits the tasks in bursts between rounds until every task is terminal; returns rounds. */
    int play(List<Spec> order) {
      int next = 0;
      for (int round = 1; round <= MAX_ROUNDS; round++) {
        int burst = 1 + random.nextInt(Math.max(1, order.size() / 15));
        for (; burst > 0 && next < order.size(); burst--, next++) {
          h.submit(order.get(next).task());
        }
        slots.forEach(
            (agent, n) -> {
              String[] poolAndId = agent.split("/");
              h.heartbeat(poolAndId[0], poolAndId[1], n, Set.of());
            });
        work();
        h.advance(ROUND);
        if (next == order.size() && inFlight.isEmpty() && allTerminal()) {
          return round;
        }
      }
      throw new AssertionError("not every task is terminal after " + MAX_ROUNDS + " rounds");
    }

    /** Takes new assignments and finishes some of the work in flight, for a few steps. */
    private void work() {
      for (int step = 0; step < 20; step++) {
        boolean fresh = collect();
        if (!fresh && inFlight.isEmpty()) {
          return;
        }
        Collections.shuffle(inFlight, random);
        int finish = inFlight.isEmpty() ? 0 : 1 + random.nextInt(inFlight.size());
        for (Assignment a : List.copyOf(inFlight.subList(0, finish))) {
          inFlight.remove(a);
          Fate fate = dag.get(a.taskId()).fate();
          if (fate == Fate.ALWAYS_FAIL || (fate == Fate.FAIL_ONCE && a.attempt() == 1)) {
            h.failed(a, "planned failure of attempt " + a.attempt());
          } else {
            h.succeeded(a);
          }
        }
      }
    }

    /** Reads the audit log in order, then the new RUN assignments; true when there were some. */
    private boolean collect() {
      readEvents();
      boolean fresh = false;
      for (String pool : POOLS) {
        for (Assignment a : h.newAssignments(pool)) {
          if (a.action() != Assignment.Action.RUN) {
            continue;
          }
          fresh = true;
          runs.merge(a.taskId(), 1, Integer::sum);
          check(a.taskId(), "run by " + a.agentId() + " (attempt " + a.attempt() + ")");
          h.started(a);
          inFlight.add(a);
        }
      }
      return fresh;
    }

    /** Tracks SUCCEEDED in the order of the audit log, checking each release and assignment. */
    private void readEvents() {
      List<TaskEvent> events = h.events();
      for (; eventsSeen < events.size(); eventsSeen++) {
        TaskEvent e = events.get(eventsSeen);
        if (e.type() != EventType.TRANSITION) {
          continue;
        }
        if (e.to() == TaskState.SUCCEEDED) {
          succeeded.add(e.taskId());
        } else if (e.to() == TaskState.ASSIGNED
            || (e.to() == TaskState.READY && e.from() == TaskState.WAITING)) {
          check(e.taskId(), e.from() + " -> " + e.to());
        }
      }
    }

    private void check(String taskId, String what) {
      List<String> missing =
          dag.get(taskId).task().dependencies().stream()
              .filter(d -> !succeeded.contains(d))
              .toList();
      if (!missing.isEmpty()) {
        violations.add(taskId + " " + what + " before " + missing + " succeeded");
      }
    }

    private boolean allTerminal() {
      Map<String, TaskView> views = h.views();
      return views.size() >= dag.size()
          && dag.keySet().stream()
              .allMatch(id -> views.containsKey(id) && views.get(id).state().isTerminal());
    }
  }
}
