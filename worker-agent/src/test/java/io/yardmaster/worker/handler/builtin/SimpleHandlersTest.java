package io.yardmaster.worker.handler.builtin;

import static io.yardmaster.worker.handler.builtin.HandlerTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.worker.handler.Cancellation;
import io.yardmaster.worker.handler.TaskFailureException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimpleHandlersTest {

  @Test
  void shouldSucceedWithNoOutputWhenNoop() {
    // GIVEN a noop handler WHEN it runs
    JsonNode output = new NoopHandler().handle(context("noop", "{\"x\":1}"));
    // THEN it succeeds with nothing to say
    assertThat(output).isNull();
  }

  @Test
  void shouldReturnPayloadWhenEcho() {
    // GIVEN a payload WHEN echo runs
    JsonNode output = new EchoHandler().handle(context("echo", "{\"hello\":\"yard\"}"));
    // THEN the payload comes back
    assertThat(output.path("hello").asText()).isEqualTo("yard");
  }

  @Test
  void shouldSleepAndReportWhenPayloadHasMs() throws Exception {
    // GIVEN a short sleep WHEN it runs
    long start = System.nanoTime();
    JsonNode output = new SleepHandler().handle(context("sleep", "{\"ms\": 30}"));
    // THEN it waited that long and says so
    assertThat(output.path("sleptMs").asLong()).isEqualTo(30);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());
  }

  @Test
  void shouldFailFirstAttemptsWhenFailTimesIsSet() throws Exception {
    // GIVEN failTimes 2
    String payload = "{\"ms\": 0, \"failTimes\": 2}";
    SleepHandler handler = new SleepHandler();
    // WHEN attempts 1 and 2 run THEN they fail, retryably
    for (int attempt = 1; attempt <= 2; attempt++) {
      int a = attempt;
      assertThatThrownBy(() -> handler.handle(context("sleep", payload, a, new Cancellation())))
          .isInstanceOfSatisfying(
              TaskFailureException.class,
              e -> {
                assertThat(e.errorType()).isEqualTo(SleepHandler.SIMULATED_FAILURE);
                assertThat(e.retryable()).isTrue();
              });
    }
    // AND attempt 3 succeeds
    assertThat(handler.handle(context("sleep", payload, 3, new Cancellation()))).isNotNull();
  }

  @Test
  void shouldStopSleepingWhenCancelled() throws Exception {
    // GIVEN a long sleep running
    Cancellation cancellation = new Cancellation();
    CompletableFuture<JsonNode> running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new SleepHandler()
                    .handle(context("sleep", "{\"ms\": 60000}", 1, cancellation));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    // WHEN it is cancelled
    cancellation.cancel();
    // THEN it stops at once with a cancellation
    assertThatThrownBy(() -> running.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(CancellationException.class);
  }

  @Test
  void shouldFailPermanentlyWhenSleepPayloadIsBad() {
    // GIVEN a negative duration WHEN it runs THEN the payload is refused for good
    assertThatThrownBy(() -> new SleepHandler().handle(context("sleep", "{\"ms\": -5}")))
        .isInstanceOfSatisfying(
            TaskFailureException.class,
            e -> {
              assertThat(e.errorType()).isEqualTo(Payloads.BAD_PAYLOAD);
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("ms");
            });
  }
}
