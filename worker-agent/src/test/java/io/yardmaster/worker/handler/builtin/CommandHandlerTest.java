package io.yardmaster.worker.handler.builtin;

import static io.yardmaster.worker.handler.builtin.HandlerTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.worker.handler.Cancellation;
import io.yardmaster.worker.handler.HandlerSettings;
import io.yardmaster.worker.handler.TaskFailureException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CommandHandlerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static CommandHandler handler(int maxOutputBytes, String... allowed) {
    CommandHandler handler = new CommandHandler();
    handler.init(new HandlerSettings(Set.of(allowed), Set.of(), maxOutputBytes));
    return handler;
  }

  @Test
  void shouldCaptureOutputWhenProgramIsAllowed() throws Exception {
    // GIVEN echo on the allowlist WHEN it runs
    JsonNode output =
        handler(1024, "echo")
            .handle(context("command", "{\"command\":\"echo\",\"args\":[\"hello\",\"yard\"]}"));
    // THEN its stdout and exit code come back
    assertThat(output.path("exitCode").asInt()).isZero();
    assertThat(output.path("stdout").asText()).isEqualTo("hello yard\n");
    assertThat(output.path("stdoutTruncated").asBoolean()).isFalse();
  }

  @Test
  void shouldRefuseProgramWhenNotOnAllowlist() {
    // GIVEN only echo allowed WHEN rm is asked for THEN it is refused for good, naming the program
    assertThatThrownBy(
            () ->
                handler(1024, "echo")
                    .handle(
                        context("command", "{\"command\":\"rm\",\"args\":[\"-rf\",\"/tmp/x\"]}")))
        .isInstanceOfSatisfying(
            TaskFailureException.class,
            e -> {
              assertThat(e.errorType()).isEqualTo(CommandHandler.NOT_ALLOWED);
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("'rm'");
            });
  }

  @Test
  void shouldRefuseOtherSpellingsOfAnAllowedProgram() {
    // GIVEN only echo allowed WHEN a path to another echo, a relative one or a shell trick is asked
    // for THEN each is refused
    for (String command : List.of("/tmp/echo", "./echo", "echo;rm", "echo ", "ECHO")) {
      assertThatThrownBy(
              () ->
                  handler(1024, "echo")
                      .handle(context("command", "{\"command\":\"" + command + "\"}")))
          .as(command)
          .isInstanceOfSatisfying(
              TaskFailureException.class,
              e -> assertThat(e.errorType()).isEqualTo(CommandHandler.NOT_ALLOWED));
    }
  }

  @Test
  void shouldRefuseEverythingWhenAllowlistIsEmpty() {
    // GIVEN no allowlist WHEN any program is asked for THEN it is refused
    assertThatThrownBy(() -> handler(1024).handle(context("command", "{\"command\":\"echo\"}")))
        .isInstanceOf(TaskFailureException.class)
        .hasMessageContaining("--command-allowlist");
  }

  @Test
  void shouldFailWithExitCodeAndStderrTailWhenProgramExitsNonZero() {
    // GIVEN a program that complains and exits 3
    String payload = "{\"command\":\"sh\",\"args\":[\"-c\",\"echo something broke >&2; exit 3\"]}";
    // WHEN it runs THEN the failure carries the code and stderr, and may be retried
    assertThatThrownBy(() -> handler(1024, "sh").handle(context("command", payload)))
        .isInstanceOfSatisfying(
            TaskFailureException.class,
            e -> {
              assertThat(e.errorType()).isEqualTo(CommandHandler.EXIT_CODE);
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).contains("code 3").contains("something broke");
            });
  }

  @Test
  void shouldTruncateOutputWhenProgramPrintsTooMuch() throws Exception {
    // GIVEN a 10-byte limit WHEN a program prints 100 bytes
    String payload =
        "{\"command\":\"sh\",\"args\":[\"-c\",\"head -c 100 /dev/zero | tr '\\\\0' x\"]}";
    JsonNode output = handler(10, "sh").handle(context("command", payload));
    // THEN only the first 10 bytes are kept, and that is said
    assertThat(output.path("stdout").asText()).isEqualTo("xxxxxxxxxx");
    assertThat(output.path("stdoutTruncated").asBoolean()).isTrue();
  }

  @Test
  void shouldPassStdinAndEnvWhenPayloadHasThem() throws Exception {
    // GIVEN stdin and an environment variable
    String payload =
        "{\"command\":\"sh\",\"args\":[\"-c\",\"cat; printf %s \\\"$GREETING\\\"\"],"
            + "\"env\":{\"GREETING\":\"-hi\"},\"stdin\":\"from-stdin\"}";
    // WHEN the program runs THEN it saw both
    JsonNode output = handler(1024, "sh").handle(context("command", payload));
    assertThat(output.path("stdout").asText()).isEqualTo("from-stdin-hi");
  }

  @Test
  void shouldFailPermanentlyWhenProgramCannotStart() {
    // GIVEN an allowed program that does not exist WHEN it runs THEN the failure is permanent
    assertThatThrownBy(
            () ->
                handler(1024, "/no/such/program")
                    .handle(context("command", "{\"command\":\"/no/such/program\"}")))
        .isInstanceOfSatisfying(
            TaskFailureException.class,
            e -> {
              assertThat(e.errorType()).isEqualTo(CommandHandler.NOT_STARTED);
              assertThat(e.retryable()).isFalse();
            });
  }

  @Test
  void shouldKillProgramAndItsChildrenWhenCancelled() throws Exception {
    // GIVEN a shell running two long sleeps, one in the background
    Cancellation cancellation = new Cancellation();
    String payload = "{\"command\":\"sh\",\"args\":[\"-c\",\"sleep 30 & sleep 30; wait\"]}";
    CompletableFuture<JsonNode> running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return handler(1024, "sh").handle(context("command", payload, 1, cancellation));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    await().atMost(WAIT).until(() -> sleeps().size() == 2);
    List<ProcessHandle> sleeps = sleeps();
    // WHEN the task is cancelled
    cancellation.cancel();
    // THEN the handler stops and every process it started is gone
    assertThatThrownBy(() -> running.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .hasCauseInstanceOf(CancellationException.class);
    await().atMost(WAIT).until(() -> sleeps.stream().noneMatch(ProcessHandle::isAlive));
  }

  static List<ProcessHandle> sleeps() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false))
        .toList();
  }
}
