package io.yardmaster.dispatcher.web;

import io.yardmaster.dispatcher.web.ApiModels.AgentRow;
import io.yardmaster.dispatcher.web.ApiModels.DeadLetterRow;
import io.yardmaster.dispatcher.web.ApiModels.Overview;
import io.yardmaster.dispatcher.web.ApiModels.PoolCard;
import io.yardmaster.dispatcher.web.ApiModels.TaskDetail;
import io.yardmaster.dispatcher.web.view.ClusterView;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the API's documents from the cluster view and the scheduler's stores. */
public final class DashboardApi {
  static final Duration FORGET_AGENTS_AFTER = Duration.ofMinutes(15);
  private static final Set<TaskState> FAILED =
      Set.of(
          TaskState.DEAD_LETTERED,
          TaskState.UPSTREAM_FAILED,
          TaskState.UNSCHEDULABLE,
          TaskState.EXPIRED,
          TaskState.REJECTED);

  private final ClusterView view;
  private final TaskLookup lookup;
  private final WebOptions options;
  private final int missedHeartbeats;
  private final Clock clock;

  public DashboardApi(
      ClusterView view, TaskLookup lookup, WebOptions options, int missedHeartbeats, Clock clock) {
    this.view = view;
    this.lookup = lookup;
    this.options = options;
    this.missedHeartbeats = missedHeartbeats;
    this.clock = clock;
  }

  public Overview overview() {
    Map<TaskState, Long> states = view.stateCounts();
    List<PoolStatus> pools = view.pools();
    long failed =
        states.entrySet().stream()
            .filter(e -> FAILED.contains(e.getKey()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    return new Overview(
        (int) agents().stream().filter(a -> a.health().live()).count(),
        pools.stream().mapToLong(PoolStatus::queued).sum(),
        pools.stream().mapToLong(PoolStatus::running).sum(),
        states.getOrDefault(TaskState.SUCCEEDED, 0L),
        failed,
        states.getOrDefault(TaskState.DEAD_LETTERED, 0L),
        states.getOrDefault(TaskState.CANCELLED, 0L),
        pools.stream().mapToDouble(PoolStatus::throughputPerSec).sum(),
        pools.size(),
        states,
        options.readOnly(),
        options.token() != null,
        clock.instant());
  }

  public List<PoolCard> pools() {
    List<AgentRow> agents = agents();
    List<PoolCard> cards = new ArrayList<>();
    for (PoolStatus p : view.pools()) {
      Map<AgentHealth, Integer> byHealth = new EnumMap<>(AgentHealth.class);
      agents.stream()
          .filter(a -> a.pool().equals(p.pool()))
          .forEach(a -> byHealth.merge(a.health(), 1, Integer::sum));
      int desired = view.scaling(p.pool()).map(r -> r.desiredAgents()).orElse(p.desiredAgents());
      cards.add(
          new PoolCard(
              p.pool(),
              p.agents(),
              byHealth,
              p.queued(),
              p.running(),
              p.retryWaiting(),
              p.slots(),
              p.freeSlots(),
              p.throughputPerSec(),
              p.avgLoad(),
              desired,
              p.paused(),
              p.succeeded(),
              p.failed(),
              p.deadLettered(),
              p.lateFinished(),
              p.updatedAt()));
    }
    return cards;
  }

  public List<AgentRow> agents() {
    Instant now = clock.instant();
    List<AgentRow> rows = new ArrayList<>();
    for (AgentHeartbeat hb : view.agents()) {
      long age =
          hb.sentAt() == null ? 0 : Math.max(0, Duration.between(hb.sentAt(), now).toMillis());
      if (age > FORGET_AGENTS_AFTER.toMillis()) {
        continue;
      }
      Optional<TaskEvent> note = view.agentNote(hb.agentId());
      boolean saidOffline =
          note.filter(n -> n.reason() != null && n.reason().contains("offline"))
              .filter(n -> hb.sentAt() == null || n.at().isAfter(hb.sentAt()))
              .isPresent();
      rows.add(
          new AgentRow(
              hb.agentId(),
              hb.pool(),
              AgentHealth.of(hb, age, missedHeartbeats, saidOffline),
              hb.status().name(),
              hb.slots(),
              Math.max(0, hb.slots() - hb.freeSlots()),
              hb.load().cpu(),
              hb.load().memory(),
              null,
              age,
              hb.region(),
              hb.version(),
              note.map(TaskEvent::reason).orElse(null)));
    }
    return rows;
  }

  /** The task's view, live record and events; empty when nothing knows the task. */
  public Optional<TaskDetail> task(String taskId) {
    Optional<TaskView> v = view.view(taskId);
    List<TaskEvent> events = view.events(taskId);
    Optional<ClusterView.Known> known = view.known(taskId);
    String pool =
        v.map(TaskView::pool)
            .or(() -> known.map(ClusterView.Known::pool))
            .or(() -> events.stream().map(TaskEvent::pool).filter(p -> p != null).findFirst())
            .orElse(null);
    Optional<TaskLookup.Found> live =
        pool == null || lookup == null ? Optional.empty() : lookup.find(taskId, pool);
    if (v.isEmpty() && known.isEmpty() && events.isEmpty() && live.isEmpty()) {
      return Optional.empty();
    }
    TaskState state =
        v.map(TaskView::state)
            .or(() -> known.map(ClusterView.Known::state))
            .orElseGet(() -> lastState(events));
    return Optional.of(
        new TaskDetail(
            taskId,
            state,
            pool,
            v.orElse(null),
            live.map(TaskLookup.Found::record).orElse(null),
            events,
            live.map(TaskLookup.Found::owner).orElse(null)));
  }

  private static TaskState lastState(List<TaskEvent> events) {
    TaskState s = null;
    for (TaskEvent e : events) {
      if (e.to() != null) {
        s = e.to();
      }
    }
    return s;
  }

  public List<DeadLetterRow> deadLetters() {
    return view.deadLetters().stream().map(DashboardApi::row).toList();
  }

  private static DeadLetterRow row(DeadLetter d) {
    return new DeadLetterRow(
        d.taskId(),
        d.pool(),
        d.task() == null ? null : d.task().type(),
        d.reason(),
        d.attempts().size(),
        d.at());
  }

  /** Whether the task is queued or waiting, so a cancel can still act on it. */
  public Optional<TaskState> currentState(String taskId) {
    return view.known(taskId).map(ClusterView.Known::state);
  }

  public boolean isDeadLettered(String taskId) {
    return view.deadLetter(taskId).isPresent()
        && currentState(taskId).map(s -> s == TaskState.DEAD_LETTERED).orElse(true);
  }
}
