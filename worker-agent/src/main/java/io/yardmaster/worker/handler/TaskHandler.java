package io.yardmaster.worker.handler;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs tasks of one type. The agent finds handlers with {@link java.util.ServiceLoader}: a jar that
 * lists its handler classes in {@code META-INF/services/io.yardmaster.worker.handler.TaskHandler}
 * adds task types to the agent (put it on the class path or in {@code --handlers-dir}).
 *
 * <p>A handler is shared by every slot, so {@link #handle} must be thread-safe. It should stop soon
 * after {@link TaskContext#cancellation()} fires (the slot's thread is also interrupted then); a
 * handler that ignores both holds its slot until it returns.
 *
 * <p>To fail a task, throw a {@link TaskFailureException} (it names the error type and says whether
 * another attempt may help); any other exception fails the task as a retryable {@code
 * handler-error}.
 */
public interface TaskHandler {

  /** The task type this handler runs, e.g. {@code sleep}: the {@code type} of a submission. */
  String type();

  /**
   * Called once, before any task, with the agent's handler settings. The default does nothing.
   *
   * @throws io.yardmaster.model.config.InvalidSettingException when the settings cannot work
   */
  default void init(HandlerSettings settings) {}

  /**
   * Runs one execution attempt of a task.
   *
   * @return the task's output (small: the agent truncates it to {@code --max-output-bytes}), or
   *     null for none
   * @throws Exception when the task fails
   */
  JsonNode handle(TaskContext context) throws Exception;
}
