package io.yardmaster.worker.handler.builtin;

import io.yardmaster.worker.handler.Cancellation;
import io.yardmaster.worker.handler.TaskContext;
import io.yardmaster.worker.testing.Assignments;
import java.time.Duration;
import java.util.Map;

final class HandlerTestSupport {
  private HandlerTestSupport() {}

  static TaskContext context(String type, String payloadJson) {
    return context(type, payloadJson, 1, new Cancellation());
  }

  static TaskContext context(
      String type, String payloadJson, int attempt, Cancellation cancellation) {
    return new TaskContext(
        "task-1",
        attempt,
        Assignments.lease("task-1", attempt),
        Assignments.POOL,
        type,
        Assignments.json(payloadJson),
        Duration.ofSeconds(30),
        Map.of(),
        cancellation);
  }
}
