package io.yardmaster.dispatcher.web.view;

import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.EventType;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.ScalingRecommendation;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the dashboard shows of the whole cluster, materialised in memory from {@code tasks.state},
 * {@code tasks.events}, {@code tasks.dlq}, {@code pools.status}, {@code pools.scaling} and {@code
 * agents.heartbeats}. The state of every task is kept (for the totals); full views and event
 * histories only for the {@code recentTasks} most recently changed ones, as the JSON they were
 * written in: they are bound to objects only when looked at, so following a busy dispatcher costs
 * little more than reading its topics. Thread-safe.
 */
public final class ClusterView {
  public static final int DEFAULT_RECENT_TASKS = 20_000;
  static final int MAX_EVENTS_PER_TASK = 500;

  /** The state of a task and its pool: what is kept of every task. */
  public record Known(TaskState state, String pool) {}

  private final Map<String, Known> known = new HashMap<>();
  private final Map<TaskState, Long> counts = new EnumMap<>(TaskState.class);
  private final Map<String, byte[]> views;
  private final Map<String, List<byte[]>> events;
  private final Map<String, DeadLetter> deadLetters = new LinkedHashMap<>();
  private final Map<String, PoolStatus> pools = new TreeMap<>();
  private final Map<String, ScalingRecommendation> scaling = new HashMap<>();
  private final Map<String, AgentHeartbeat> agents = new TreeMap<>();

  public ClusterView(int recentTasks) {
    this.views = lru(recentTasks);
    this.events = lru(recentTasks);
  }

  private static <V> Map<String, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** A value of {@code tasks.state} as it was written (null: deleted); bound only when read. */
  public synchronized void onView(String taskId, byte[] json) throws IOException {
    if (json == null) {
      views.remove(taskId);
      setKnown(taskId, null);
      return;
    }
    Known known = StateAndPool.read(json);
    views.put(taskId, json);
    setKnown(taskId, known);
  }

  public void onView(String taskId, TaskView view) throws IOException {
    onView(taskId, view == null ? null : Json.mapper().writeValueAsBytes(view));
  }

  private void setKnown(String taskId, Known now) {
    Known before = now == null ? known.remove(taskId) : known.put(taskId, now);
    if (before != null) {
      counts.merge(before.state(), -1L, Long::sum);
    }
    if (now != null) {
      counts.merge(now.state(), 1L, Long::sum);
    }
  }

  /**
   * A value of {@code tasks.events} as it was written, under its key (a task id, or an agent id for
   * agent notes); bound only when read.
   */
  public synchronized void onEvent(String key, byte[] json) {
    List<byte[]> list = events.computeIfAbsent(key, k -> new ArrayList<>());
    if (list.size() >= MAX_EVENTS_PER_TASK) {
      list.remove(0);
    }
    list.add(json);
  }

  public void onEvent(TaskEvent event) throws IOException {
    onEvent(event.taskId(), Json.mapper().writeValueAsBytes(event));
  }

  public synchronized void onDeadLetter(DeadLetter letter) {
    deadLetters.remove(letter.taskId());
    deadLetters.put(letter.taskId(), letter);
  }

  public synchronized void onPoolStatus(PoolStatus status) {
    pools.put(status.pool(), status);
  }

  public synchronized void onScaling(ScalingRecommendation recommendation) {
    scaling.put(recommendation.pool(), recommendation);
  }

  public synchronized void onHeartbeat(AgentHeartbeat heartbeat) {
    agents.put(heartbeat.agentId(), heartbeat);
  }

  public synchronized Optional<Known> known(String taskId) {
    return Optional.ofNullable(known.get(taskId));
  }

  public Optional<TaskView> view(String taskId) {
    byte[] json;
    synchronized (this) {
      json = views.get(taskId);
    }
    return Optional.ofNullable(json == null ? null : read(json, TaskView.class));
  }

  /** The task's events, oldest first (agent notes left out). */
  public List<TaskEvent> events(String taskId) {
    return allEvents(taskId).stream().filter(e -> e.type() != EventType.AGENT_HEALTH).toList();
  }

  private List<TaskEvent> allEvents(String key) {
    List<byte[]> raw;
    synchronized (this) {
      raw = List.copyOf(events.getOrDefault(key, List.of()));
    }
    return raw.stream().map(b -> read(b, TaskEvent.class)).filter(e -> e != null).toList();
  }

  private static <T> T read(byte[] json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (IOException e) {
      return null;
    }
  }

  /** How many tasks are in each state now. */
  public synchronized Map<TaskState, Long> stateCounts() {
    Map<TaskState, Long> copy = new EnumMap<>(TaskState.class);
    counts.forEach(
        (s, n) -> {
          if (n > 0) {
            copy.put(s, n);
          }
        });
    return copy;
  }

  /** The dead letters whose task is still dead-lettered, newest last. */
  public synchronized List<DeadLetter> deadLetters() {
    return deadLetters.values().stream()
        .filter(
            d -> {
              Known k = known.get(d.taskId());
              return k == null || k.state() == TaskState.DEAD_LETTERED;
            })
        .toList();
  }

  public synchronized Optional<DeadLetter> deadLetter(String taskId) {
    return Optional.ofNullable(deadLetters.get(taskId));
  }

  public synchronized List<PoolStatus> pools() {
    return List.copyOf(pools.values());
  }

  public synchronized Optional<ScalingRecommendation> scaling(String pool) {
    return Optional.ofNullable(scaling.get(pool));
  }

  public synchronized List<AgentHeartbeat> agents() {
    return List.copyOf(agents.values());
  }

  /** The dispatcher's latest note on an agent's health, while it is among the recent keys. */
  public Optional<TaskEvent> agentNote(String agentId) {
    List<TaskEvent> notes =
        allEvents(agentId).stream().filter(e -> e.type() == EventType.AGENT_HEALTH).toList();
    return notes.isEmpty() ? Optional.empty() : Optional.of(notes.get(notes.size() - 1));
  }
}
