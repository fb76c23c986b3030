package io.yardmaster.dispatcher.dependency;

import io.yardmaster.model.TaskState;
import java.util.List;
import java.util.Objects;

/**
 * A message of the dependency protocol on the dispatcher's dependency topic, keyed by the task it
 * is for ({@code target}). Registrations go to a dependency, resolutions back to its waiters.
 *
 * <ul>
 *   <li>REGISTER: {@code subject} waits for {@code target};
 *   <li>KNOWN: {@code subject}, a dependency of {@code target}, exists;
 *   <li>RESOLVED: {@code subject}, a dependency of {@code target}, ended in {@code state};
 *   <li>PROBE: a cycle search that started at {@code path[0]} reached {@code target};
 *   <li>CYCLE: {@code target} is in the cycle {@code path};
 *   <li>FINISHED: {@code target} reached the terminal {@code state} (sent by the schedulers);
 *   <li>REOPENED: {@code target} left its terminal state (a replay);
 *   <li>MOVED: {@code target} now queues in pool {@code subject} (intake routes its commands
 *       there).
 * </ul>
 */
public record DependencyMessage(
    Kind kind, String target, String subject, TaskState state, List<String> path) {
  /** What the message says. */
  public enum Kind {
    REGISTER,
    KNOWN,
    RESOLVED,
    PROBE,
    CYCLE,
    FINISHED,
    REOPENED,
    MOVED
  }

  public DependencyMessage {
    Objects.requireNonNull(kind, "kind can't be null");
    Objects.requireNonNull(target, "target can't be null");
    path = path == null ? List.of() : List.copyOf(path);
  }

  static DependencyMessage register(String dependency, String waiter) {
    return new DependencyMessage(Kind.REGISTER, dependency, waiter, null, null);
  }

  static DependencyMessage known(String waiter, String dependency) {
    return new DependencyMessage(Kind.KNOWN, waiter, dependency, null, null);
  }

  static DependencyMessage resolved(String waiter, String dependency, TaskState state) {
    return new DependencyMessage(Kind.RESOLVED, waiter, dependency, state, null);
  }

  static DependencyMessage probe(String target, List<String> path) {
    return new DependencyMessage(Kind.PROBE, target, null, null, path);
  }

  public static DependencyMessage finished(String task, TaskState state) {
    return new DependencyMessage(Kind.FINISHED, task, null, state, null);
  }

  public static DependencyMessage reopened(String task) {
    return new DependencyMessage(Kind.REOPENED, task, null, null, null);
  }

  public static DependencyMessage moved(String task, String pool) {
    return new DependencyMessage(Kind.MOVED, task, pool, null, null);
  }

  static DependencyMessage cycle(String target, List<String> path) {
    return new DependencyMessage(Kind.CYCLE, target, null, null, path);
  }
}
