package io.yardmaster.worker.handler.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.worker.handler.TaskContext;
import io.yardmaster.worker.handler.TaskHandler;

/** {@code noop}: does nothing and succeeds with no output. */
public final class NoopHandler implements TaskHandler {
  public static final String TYPE = "noop";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonNode handle(TaskContext context) {
    return null;
  }
}
