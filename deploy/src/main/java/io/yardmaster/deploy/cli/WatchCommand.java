package io.yardmaster.deploy.cli;

import io.yardmaster.deploy.kafka.Snapshots;
import io.yardmaster.deploy.kafka.StartAt;
import io.yardmaster.deploy.kafka.TopicCursor;
import io.yardmaster.deploy.kafka.YardClients;
import io.yardmaster.deploy.progress.PoolCounts;
import io.yardmaster.deploy.progress.ProgressBoard;
import io.yardmaster.deploy.progress.ProgressView;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.topic.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code yard watch}: the live progress of every pool, from {@code tasks.state}. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Shows the live progress of every pool.",
      "Draws a progress bar per pool (queued, running, done, failed), redrawn in place on a"
          + " terminal and as plain lines otherwise, until Ctrl-C.",
      ""
    })
public final class WatchCommand implements Callable<Integer> {
  private static final Duration POLL = Duration.ofMillis(200);

  private final YardContext context;

  @Mixin KafkaOptions kafka;

  @Option(names = "--pool", paramLabel = "POOL", description = "Only this pool.")
  String pool;

  @Option(names = "--plain", description = "Plain lines even on a terminal.")
  boolean plain;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "PT2S",
      description = "How often plain lines are printed (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(
      names = "--until-done",
      description = "Stop once every task seen has ended (exit 0), instead of at Ctrl-C.")
  boolean untilDone;

  public WatchCommand(YardContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (YardClients clients = kafka.connect()) {
      Topic<String, TaskView> state = clients.topics().state();
      ProgressBoard board = new ProgressBoard();
      ProgressView view =
          ProgressView.choose(
              context.terminal() && !plain, context.out(), interval, context.clock());
      Instant start = context.clock().instant();
      try (TopicCursor cursor =
          TopicCursor.open(clients, List.of(state.name()), StartAt.beginning())) {
        boolean caughtUp = false;
        while (true) {
          cursor
              .poll(POLL)
              .forEach(
                  r -> {
                    if (r.value() == null) {
                      board.remove(r.key());
                    } else {
                      Snapshots.decode(state, r)
                          .filter(v -> pool == null || pool.equals(v.pool()))
                          .ifPresent(v -> board.update(v.id(), v.pool(), v.state()));
                    }
                  });
          caughtUp = caughtUp || cursor.caughtUp();
          if (!caughtUp) {
            continue;
          }
          view.show(board.pools(), headline(board, start));
          if (untilDone && board.allTerminal()) {
            view.finish();
            context.out().println("every task has ended");
            return 0;
          }
        }
      }
    }
  }

  private String headline(ProgressBoard board, Instant start) {
    List<PoolCounts> pools = board.pools();
    int ended = pools.stream().mapToInt(PoolCounts::finished).sum();
    return String.format(
        Locale.ROOT,
        "%d/%d tasks ended in %d pool%s, watching for %d s (Ctrl-C stops)",
        ended,
        board.size(),
        pools.size(),
        pools.size() == 1 ? "" : "s",
        Duration.between(start, context.clock().instant()).toSeconds());
  }
}
