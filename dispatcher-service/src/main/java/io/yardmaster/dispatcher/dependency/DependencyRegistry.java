package io.yardmaster.dispatcher.dependency;

import io.yardmaster.model.TaskState;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the dispatcher knows of a task as a dependency: its last terminal state (null while it has
 * none) and who waits for it. Waiters stay after a failure so that a successful replay can release
 * them.
 */
public record DependencyRegistry(TaskState terminalState, Set<String> waiters) {
  public static final DependencyRegistry EMPTY = new DependencyRegistry(null, Set.of());

  public DependencyRegistry {
    waiters = new TreeSet<>(waiters);
  }
}
