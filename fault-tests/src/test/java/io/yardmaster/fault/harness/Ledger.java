package io.yardmaster.fault.harness;

import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.RejectedRecord;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.JsonSerde;
import io.yardmaster.model.topic.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dispatcher committed: the latest view of each task ({@code tasks.state}), every event
 * ({@code tasks.events}), the dead letters and the rejected submissions.
 */
public final class Ledger implements AutoCloseable {
  private static final JsonSerde<TaskView> VIEWS = JsonSerde.of(TaskView.class);
  private static final JsonSerde<TaskEvent> EVENTS = JsonSerde.of(TaskEvent.class);
  private static final JsonSerde<DeadLetter> DEAD = JsonSerde.of(DeadLetter.class);
  private static final JsonSerde<RejectedRecord> REJECTED = JsonSerde.of(RejectedRecord.class);

  private final TopicLog state;
  private final TopicLog eventLog;
  private final TopicLog dlq;
  private final TopicLog rejectedLog;
  private final Map<String, TaskView> views = new HashMap<>();
  private final List<TaskEvent> events = new ArrayList<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private final List<RejectedRecord> rejected = new ArrayList<>();

  public Ledger(KafkaClientSettings kafka, Topics topics) {
    state = new TopicLog(kafka, topics.state().name());
    eventLog = new TopicLog(kafka, topics.events().name());
    dlq = new TopicLog(kafka, topics.dlq().name());
    rejectedLog = new TopicLog(kafka, topics.rejected().name());
  }

  public synchronized Map<String, TaskView> views() {
    state.readNew(
        (k, v) -> {
          if (v != null) {
            views.put(k, VIEWS.deserialize("", v));
          }
        });
    return Map.copyOf(views);
  }

  public long count(TaskState s) {
    return views().values().stream().filter(v -> v.state() == s).count();
  }

  public long terminal() {
    return views().values().stream().filter(v -> v.state().isTerminal()).count();
  }

  public synchronized List<TaskEvent> events() {
    eventLog.readNew((k, v) -> events.add(EVENTS.deserialize("", v)));
    return List.copyOf(events);
  }

  public synchronized List<DeadLetter> deadLetters() {
    dlq.readNew((k, v) -> deadLetters.add(DEAD.deserialize("", v)));
    return List.copyOf(deadLetters);
  }

  public synchronized List<RejectedRecord> rejected() {
    rejectedLog.readNew((k, v) -> rejected.add(REJECTED.deserialize("", v)));
    return List.copyOf(rejected);
  }

  @Override
  public void close() {
    state.close();
    eventLog.close();
    dlq.close();
    rejectedLog.close();
  }
}
