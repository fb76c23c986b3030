package io.yardmaster.worker.handler.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.model.json.Json;
import io.yardmaster.worker.handler.TaskContext;
import io.yardmaster.worker.handler.TaskFailureException;
import io.yardmaster.worker.handler.TaskHandler;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code sleep}: waits, then succeeds with {@code {"sleptMs": N}}. Payload: {@code {"ms": N}}, with
 * optional {@code "jitterMs": J} (adds 0 to J ms at random) and {@code "failTimes": K} (the first K
 * attempts fail with a retryable {@code simulated-failure}, to show a retry). Stops at once when
 * cancelled.
 */
public final class SleepHandler implements TaskHandler {
  public static final String TYPE = "sleep";
  public static final String SIMULATED_FAILURE = "simulated-failure";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonNode handle(TaskContext context) throws InterruptedException {
    JsonNode payload = context.payload();
    long ms = Payloads.optionalLong(payload, "ms", 0);
    long jitterMs = Payloads.optionalLong(payload, "jitterMs", 0);
    long failTimes = Payloads.optionalLong(payload, "failTimes", 0);
    long sleptMs = ms + (jitterMs > 0 ? ThreadLocalRandom.current().nextLong(jitterMs + 1) : 0);
    if (context.cancellation().await(Duration.ofMillis(sleptMs))) {
      throw new CancellationException("sleep stopped after a cancel");
    }
    if (context.attempt() <= failTimes) {
      throw TaskFailureException.retryable(
          SIMULATED_FAILURE,
          "attempt " + context.attempt() + " fails on purpose (failTimes=" + failTimes + ")");
    }
    return Json.mapper().createObjectNode().put("sleptMs", sleptMs);
  }
}
