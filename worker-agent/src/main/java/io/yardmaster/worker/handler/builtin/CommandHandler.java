package io.yardmaster.worker.handler.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yardmaster.model.json.Json;
import io.yardmaster.worker.handler.Cancellation;
import io.yardmaster.worker.handler.HandlerSettings;
import io.yardmaster.worker.handler.TaskContext;
import io.yardmaster.worker.handler.TaskFailureException;
import io.yardmaster.worker.handler.TaskHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code command}: runs an external program, with no shell. Payload: {@code {"command": "prog",
 * "args": [...], "env": {...}, "stdin": "..."}}. Only programs on {@code --command-allowlist} run
 * (the {@code command} must equal an entry exactly: a name looked up on the PATH, or an absolute
 * path). Succeeds with {@code {"exitCode": 0, "stdout": "...", "stdoutTruncated": false}}; a
 * non-zero exit fails the task (retryable {@code exit-code}) with the tail of stderr. On a cancel
 * or timeout the program and everything it started are killed.
 */
public final class CommandHandler implements TaskHandler {
  public static final String TYPE = "command";
  public static final String NOT_ALLOWED = "command-not-allowed";
  public static final String NOT_STARTED = "command-not-started";
  public static final String EXIT_CODE = "exit-code";
  static final int STDERR_TAIL_BYTES = 2048;
  private static final Duration STREAM_GRACE = Duration.ofSeconds(2);

  private volatile Set<String> allowlist = Set.of();
  private volatile int maxOutputBytes = HandlerSettings.DEFAULT_MAX_OUTPUT_BYTES;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public void init(HandlerSettings settings) {
    this.allowlist = settings.commandAllowlist();
    this.maxOutputBytes = settings.maxOutputBytes();
  }

  @Override
  public JsonNode handle(TaskContext context) throws InterruptedException {
    JsonNode payload = context.payload();
    String command = Payloads.requiredText(payload, "command");
    if (!allowlist.contains(command)) {
      throw TaskFailureException.permanent(
          NOT_ALLOWED,
          "program '" + command + "' is not on this agent's --command-allowlist " + allowlist);
    }
    List<String> argv = new ArrayList<>();
    argv.add(command);
    argv.addAll(Payloads.textList(payload, "args"));
    ProcessBuilder builder = new ProcessBuilder(argv);
    builder.environment().putAll(Payloads.textMap(payload, "env"));
    String stdin = Payloads.optionalText(payload, "stdin", null);

    context.cancellation().throwIfCancelled();
    Process process = start(builder, command);
    Cancellation.Registration killOnCancel =
        context.cancellation().onCancel(() -> ProcessTree.kill(process.toHandle()));
    try {
      StreamCapture stdout = StreamCapture.head(process.getInputStream(), maxOutputBytes, "stdout");
      StreamCapture stderr = StreamCapture.tail(process.getErrorStream(), STDERR_TAIL_BYTES, "err");
      writeStdin(process, stdin);
      int exitCode = process.waitFor();
      stdout.await(STREAM_GRACE);
      stderr.await(STREAM_GRACE);
      context.cancellation().throwIfCancelled();
      if (exitCode != 0) {
        throw TaskFailureException.retryable(
            EXIT_CODE, command + " exited with code " + exitCode + ": " + stderr.text().strip());
      }
      ObjectNode output = Json.mapper().createObjectNode();
      output.put("exitCode", exitCode);
      output.put("stdout", stdout.text());
      output.put("stdoutTruncated", stdout.truncated());
      return output;
    } finally {
      killOnCancel.close();
      if (process.isAlive()) {
        ProcessTree.kill(process.toHandle());
      }
    }
  }

  private static Process start(ProcessBuilder builder, String command) {
    try {
      return builder.start();
    } catch (IOException e) {
      throw TaskFailureException.permanent(
          NOT_STARTED, "cannot start '" + command + "': " + e.getMessage());
    }
  }

  private static void writeStdin(Process process, String stdin) {
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                  in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
              } catch (IOException e) {
                // the program exited without reading all of its input
              }
            },
            "stdin");
    writer.setDaemon(true);
    writer.start();
  }
}
