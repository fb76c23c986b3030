package io.yardmaster.dispatcher.topology;

import io.yardmaster.model.Assignment;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.RejectedRecord;
import io.yardmaster.model.ScalingRecommendation;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.topic.Topics;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * Picks the topic of every record the dispatcher writes from the value's type; an assignment goes
 * to its pool's assignment topic. Kafka Streams does not create these topics: the topic command
 * does.
 */
public final class OutboundTopics implements TopicNameExtractor<String, Object> {
  private final Topics topics;
  private final String poolInput;

  /**
   * @param poolInput the topic of the repartition keyed by pool: a task one pool's scheduler moves
   *     to another travels it, as intake's tasks do
   */
  public OutboundTopics(Topics topics, String poolInput) {
    this.topics = java.util.Objects.requireNonNull(topics, "topics can't be null");
    this.poolInput = java.util.Objects.requireNonNull(poolInput, "poolInput can't be null");
  }

  @Override
  public String extract(String key, Object value, RecordContext recordContext) {
    if (value instanceof Assignment a) {
      return topics.assignmentTopicName(a.pool());
    } else if (value instanceof TaskEvent) {
      return topics.events().name();
    } else if (value instanceof TaskView) {
      return topics.state().name();
    } else if (value instanceof DeadLetter) {
      return topics.dlq().name();
    } else if (value instanceof RejectedRecord) {
      return topics.rejected().name();
    } else if (value instanceof PoolStatus) {
      return topics.poolStatus().name();
    } else if (value instanceof io.yardmaster.dispatcher.dependency.DependencyMessage) {
      return topics.dependencies().name();
    } else if (value instanceof io.yardmaster.model.TaskExplanation) {
      return topics.explanations().name();
    } else if (value instanceof ScalingRecommendation) {
      return topics.scaling().name();
    } else if (value instanceof PoolCommand) {
      return poolInput;
    }
    throw new IllegalStateException(
        "no topic for " + (value == null ? "null" : value.getClass().getName()));
  }
}
