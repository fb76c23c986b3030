package io.yardmaster.fault.check;

import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one checker of every fault scenario. From what was submitted, what the agents recorded as
 * executed, the final {@code tasks.state} and the audit log on {@code tasks.events}, it finds lost
 * tasks (accepted, never on {@code tasks.state}), executions of one attempt run twice, attempts
 * assigned twice, tasks completed twice, stuck tasks (not terminal at the end), tasks assigned
 * before a dependency succeeded, and priority inversions (a lower level assigned while a higher
 * level of the same pool had been READY for longer than {@code slack}: the dispatcher decides on
 * about one round trip of work ahead, so a small window is allowed).
 */
public final class FaultChecker {
  public static final Duration DEFAULT_INVERSION_SLACK = Duration.ofSeconds(2);

  private final Duration slack;

  public FaultChecker(Duration slack) {
    this.slack = Objects.requireNonNull(slack, "slack can't be null");
  }

  public static FaultChecker withDefaults() {
    return new FaultChecker(DEFAULT_INVERSION_SLACK);
  }

  public FaultReport check(FaultRun run) {
    Objects.requireNonNull(run, "run can't be null");
    Map<String, TaskView> views = run.views();
    List<String> lost = new ArrayList<>();
    List<String> stuck = new ArrayList<>();
    for (SubmittedTask t : run.submitted()) {
      if (run.rejectedIds().contains(t.id())) {
        continue;
      }
      TaskView v = views.get(t.id());
      if (v == null) {
        lost.add(t.id());
      } else if (!v.state().isTerminal()) {
        stuck.add(t.id() + "=" + v.state());
      }
    }
    Map<String, Long> executedTwice =
        moreThanOnce(run.executions().stream().map(Execution::key).toList());
    List<TaskEvent> transitions =
        run.events().stream()
            .filter(e -> e.type() == EventType.TRANSITION)
            .sorted(Comparator.comparing(TaskEvent::at))
            .toList();
    Map<String, Long> assignedTwice =
        moreThanOnce(
            transitions.stream()
                .filter(e -> e.to() == TaskState.ASSIGNED)
                .map(e -> e.taskId() + "#" + e.attempt())
                .toList());
    Map<String, Long> completedTwice =
        moreThanOnce(
            transitions.stream()
                .filter(e -> e.to() == TaskState.SUCCEEDED)
                .map(TaskEvent::taskId)
                .toList());
    long stale = run.events().stream().filter(e -> e.type() == EventType.STALE_RESULT).count();
    TreeMap<TaskState, Long> finalStates =
        views.values().stream()
            .collect(Collectors.groupingBy(TaskView::state, TreeMap::new, Collectors.counting()));
    return new FaultReport(
        run.scenario(),
        run.submitted().size(),
        run.rejectedIds().size(),
        run.faultsInjected(),
        List.copyOf(lost),
        executedTwice,
        assignedTwice,
        completedTwice,
        List.copyOf(stuck),
        dependencyViolations(run.submitted(), transitions),
        priorityInversions(run.submitted(), transitions),
        stale,
        finalStates,
        run.recovery().toMillis() / 1000.0);
  }

  private static Map<String, Long> moreThanOnce(List<String> keys) {
    return keys.stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
        .entrySet()
        .stream()
        .filter(e -> e.getValue() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Tasks first assigned before (or without) every dependency's SUCCEEDED transition. */
  static List<String> dependencyViolations(
      List<SubmittedTask> submitted, List<TaskEvent> transitions) {
    Map<String, Instant> succeeded = new HashMap<>();
    Map<String, Instant> firstAssigned = new HashMap<>();
    for (TaskEvent e : transitions) {
      if (e.to() == TaskState.SUCCEEDED) {
        succeeded.putIfAbsent(e.taskId(), e.at());
      } else if (e.to() == TaskState.ASSIGNED) {
        firstAssigned.putIfAbsent(e.taskId(), e.at());
      }
    }
    List<String> violations = new ArrayList<>();
    for (SubmittedTask t : submitted) {
      Instant assigned = firstAssigned.get(t.id());
      if (assigned == null) {
        continue;
      }
      for (String dep : t.dependencies()) {
        Instant done = succeeded.get(dep);
        if (done == null || assigned.isBefore(done)) {
          violations.add(t.id() + " before " + dep);
        }
      }
    }
    return violations;
  }

  /**
   * Sweeps the transitions in time order: a task is "waiting" from its READY transition plus the
   * slack until its next ASSIGNED (or any other) transition; an assignment of a lower level while a
   * higher level of the same pool is waiting is an inversion.
   */
  List<String> priorityInversions(List<SubmittedTask> submitted, List<TaskEvent> transitions) {
    Map<String, Integer> level =
        submitted.stream()
            .collect(
                Collectors.toMap(
                    SubmittedTask::id, SubmittedTask::priorityLevel, (a, b) -> a, HashMap::new));
    if (level.values().stream().distinct().count() < 2) {
      return List.of();
    }
    Map<String, Instant> readySince = new HashMap<>();
    Map<String, String> poolOf = new HashMap<>();
    List<String> inversions = new ArrayList<>();
    for (TaskEvent e : transitions) {
      String id = e.taskId();
      if (!level.containsKey(id)) {
        continue;
      }
      if (e.to() == TaskState.ASSIGNED) {
        Instant cutoff = e.at().minus(slack);
        int mine = level.get(id);
        for (Map.Entry<String, Instant> w : readySince.entrySet()) {
          if (!w.getKey().equals(id)
              && Objects.equals(poolOf.get(w.getKey()), e.pool())
              && level.get(w.getKey()) > mine
              && w.getValue().isBefore(cutoff)) {
            inversions.add(id + " (level " + mine + ") over " + w.getKey());
            break;
          }
        }
      }
      readySince.remove(id);
      if (e.to() == TaskState.READY) {
        readySince.put(id, e.at());
        poolOf.put(id, e.pool());
      }
    }
    return inversions;
  }
}
