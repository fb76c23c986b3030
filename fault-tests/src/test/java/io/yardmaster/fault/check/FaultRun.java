package io.yardmaster.fault.check;

import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the checker looks at after one scenario: what was submitted (and which of it the
 * dispatcher rejected), what the agents ran, the final {@code tasks.state} and the audit log, and
 * the faults the scenario injected with the longest time it took to recover from one.
 */
public record FaultRun(
    String scenario,
    List<SubmittedTask> submitted,
    Set<String> rejectedIds,
    List<Execution> executions,
    Map<String, TaskView> views,
    List<TaskEvent> events,
    int faultsInjected,
    Duration recovery) {
  public FaultRun {
    Objects.requireNonNull(scenario, "scenario can't be null");
    submitted = List.copyOf(submitted);
    rejectedIds = Set.copyOf(rejectedIds);
    executions = List.copyOf(executions);
    views = Map.copyOf(views);
    events = List.copyOf(events);
    recovery = recovery == null ? Duration.ZERO : recovery;
  }
}
