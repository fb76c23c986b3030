package io.yardmaster.deploy.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps as many agent processes of each pool running as the pool's desired count: it starts new
 * ones, and stops the newest by draining them (SIGTERM: the agent finishes or hands back its tasks,
 * then exits). An agent that is draining no longer counts, and its index is not reused until it has
 * gone, so two processes never share an agent id.
 */
final class ScaleFollower {
  /** Starts agent number {@code index} of a pool. */
  interface Launcher {
    ManagedProcess start(String pool, int index);
  }

  /** One agent process and its index in its pool. */
  record Agent(String pool, int index, ManagedProcess process) {}

  private final Launcher launcher;
  private final ProcessGroup group;
  private final Map<String, List<Agent>> running = new HashMap<>();
  private final Map<String, List<Agent>> draining = new HashMap<>();

  ScaleFollower(Launcher launcher, ProcessGroup group) {
    this.launcher = Objects.requireNonNull(launcher, "launcher can't be null");
    this.group = Objects.requireNonNull(group, "group can't be null");
  }

  /** Counts an agent started before the follower, so it can be stopped too. */
  synchronized void adopt(String pool, int index, ManagedProcess process) {
    running.computeIfAbsent(pool, p -> new ArrayList<>()).add(new Agent(pool, index, process));
  }

  /** The agents of a pool that run and are not draining. */
  synchronized int running(String pool) {
    prune(pool);
    return running.getOrDefault(pool, List.of()).size();
  }

  /** Starts or drains agents of {@code pool} until {@code desired} run; says what it did. */
  synchronized List<String> follow(String pool, int desired) {
    prune(pool);
    List<Agent> agents = running.computeIfAbsent(pool, p -> new ArrayList<>());
    List<String> done = new ArrayList<>();
    while (agents.size() < desired) {
      int index = freeIndex(pool);
      ManagedProcess p = launcher.start(pool, index);
      agents.add(new Agent(pool, index, p));
      done.add("started " + p.name() + " (pid " + p.pid() + ")");
    }
    while (agents.size() > desired) {
      Agent newest = agents.remove(agents.size() - 1);
      group.retire(newest.process());
      draining.computeIfAbsent(pool, p -> new ArrayList<>()).add(newest);
      done.add("draining " + newest.process().name() + " (pid " + newest.process().pid() + ")");
    }
    return done;
  }

  private void prune(String pool) {
    running.getOrDefault(pool, new ArrayList<>()).removeIf(a -> !a.process().isAlive());
    draining.getOrDefault(pool, new ArrayList<>()).removeIf(a -> !a.process().isAlive());
  }

  private int freeIndex(String pool) {
    Set<Integer> used = new HashSet<>();
    running.getOrDefault(pool, List.of()).forEach(a -> used.add(a.index()));
    draining.getOrDefault(pool, List.of()).forEach(a -> used.add(a.index()));
    int i = 0;
    while (used.contains(i)) {
      i++;
    }
    return i;
  }
}
