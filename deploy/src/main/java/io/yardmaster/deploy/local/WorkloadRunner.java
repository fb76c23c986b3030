package io.yardmaster.deploy.local;

import io.yardmaster.deploy.RunFailedException;
import io.yardmaster.deploy.kafka.StartAt;
import io.yardmaster.deploy.kafka.YardClients;
import io.yardmaster.deploy.progress.PoolCounts;
import io.yardmaster.deploy.progress.ProgressView;
import io.yardmaster.deploy.progress.RunSummary;
import io.yardmaster.deploy.progress.RunTracker;
import io.yardmaster.deploy.progress.SummaryPrinter;
import io.yardmaster.deploy.submit.RawSubmission;
import io.yardmaster.deploy.submit.SubmissionCheck;
import io.yardmaster.deploy.submit.SubmissionSender;
import io.yardmaster.model.validation.SubmissionValidator;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Submits the workload, shows the live progress until every task has ended, prints the summary, and
 * (with keep-running) goes on showing progress until the run is stopped.
 */
final class WorkloadRunner {
  /** Exit code of a run whose workload ended with failures or broken dependency order. */
  static final int EXIT_WORKLOAD_FAILED = 1;

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration PLAIN_EVERY = Duration.ofSeconds(2);

  private final LocalRunOptions options;
  private final ProcessGroup group;
  private final PrintWriter out;
  private final Clock clock;
  private final boolean terminal;

  WorkloadRunner(
      LocalRunOptions options, ProcessGroup group, PrintWriter out, Clock clock, boolean terminal) {
    this.options = options;
    this.group = group;
    this.out = out;
    this.clock = clock;
    this.terminal = terminal && !options.plainOutput();
  }

  int run(YardClients clients, StartAt since) {
    Workload workload = options.workload();
    try (RunTracker tracker = new RunTracker(clients, since)) {
      int exit = 0;
      if (!workload.isEmpty()) {
        submit(clients, workload, tracker);
        exit = follow(tracker, workload);
      }
      if (options.keepRunning() || workload.isEmpty()) {
        out.println();
        out.println(
            "Yardmaster is running; submit more with:  scripts/yard submit --bootstrap-servers "
                + clients.settings().bootstrapServers()
                + " --type sleep --payload '{\"ms\":500}' --pool "
                + options.pools().get(0).name());
        out.println("Press Ctrl-C to stop every process.");
        out.flush();
        followForever(tracker);
      }
      return exit;
    }
  }

  private void submit(YardClients clients, Workload workload, RunTracker tracker) {
    List<RawSubmission> tasks = workload.tasks();
    new SubmissionCheck(new SubmissionValidator()).require(tasks);
    tasks.forEach(t -> tracker.expect(t.id(), workload.poolOf(t)));
    new SubmissionSender(clients).send(tasks);
    out.println("submitted " + tasks.size() + " tasks: " + workload.name());
    out.flush();
  }

  private int follow(RunTracker tracker, Workload workload) {
    ProgressView view = ProgressView.choose(terminal, out, PLAIN_EVERY, clock);
    Instant start = clock.instant();
    Instant deadline = start.plus(options.runTimeout());
    List<String> ids = workload.ids();
    while (!tracker.finished(ids)) {
      tracker.poll(POLL);
      view.show(tracker.board().pools(), headline(workload, tracker, ids, start));
      if (group.isStopped()) {
        throw new RunFailedException("stopped before the workload finished");
      }
      checkDeaths();
      if (clock.instant().isAfter(deadline)) {
        view.finish();
        printSummary(tracker, workload);
        throw new RunFailedException(
            "the workload did not finish within "
                + options.runTimeout().toSeconds()
                + " s; the tasks that had not ended: "
                + ids.stream().filter(id -> !tracker.finished(List.of(id))).limit(20).toList()
                + ". See the dispatcher's and agents' logs.");
      }
    }
    view.show(tracker.board().pools(), headline(workload, tracker, ids, start));
    view.finish();
    RunSummary summary = printSummary(tracker, workload);
    if (summary.allSucceeded() && summary.dependencies().ok()) {
      out.println("result: OK, every task succeeded");
      return 0;
    }
    out.println("result: FAILED (see the summary above)");
    return EXIT_WORKLOAD_FAILED;
  }

  private void followForever(RunTracker tracker) {
    ProgressView view = ProgressView.choose(terminal, out, PLAIN_EVERY, clock);
    Instant start = clock.instant();
    while (!group.isStopped()) {
      tracker.poll(POLL);
      int tasks = tracker.board().size();
      view.show(
          tracker.board().pools(),
          String.format(
              Locale.ROOT, "up %s, %d task%s seen", elapsed(start), tasks, tasks == 1 ? "" : "s"));
      checkDeaths();
    }
  }

  private RunSummary printSummary(RunTracker tracker, Workload workload) {
    RunSummary summary = tracker.summary(workload.ids(), workload.dependencies());
    out.println();
    SummaryPrinter.lines(summary).forEach(out::println);
    out.flush();
    return summary;
  }

  private void checkDeaths() {
    Optional<ManagedProcess> dead = group.firstUnexpectedExit();
    if (dead.isPresent()) {
      throw LocalRun.died(dead.get());
    }
  }

  private String headline(Workload workload, RunTracker tracker, List<String> ids, Instant start) {
    int finished = (int) ids.stream().filter(id -> tracker.finished(List.of(id))).count();
    int running = tracker.board().pools().stream().mapToInt(PoolCounts::running).sum();
    return String.format(
        Locale.ROOT,
        "%s: %d/%d tasks ended, %d running, %s elapsed",
        workload.name(),
        finished,
        ids.size(),
        running,
        elapsed(start));
  }

  private String elapsed(Instant start) {
    Duration d = Duration.between(start, clock.instant());
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
