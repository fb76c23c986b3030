package io.yardmaster.worker.handler.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.worker.handler.TaskContext;
import io.yardmaster.worker.handler.TaskHandler;

/** {@code echo}: succeeds with its payload as output. */
public final class EchoHandler implements TaskHandler {
  public static final String TYPE = "echo";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonNode handle(TaskContext context) {
    return context.payload();
  }
}
