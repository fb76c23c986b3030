package io.yardmaster.benchmarks.system;

import io.yardmaster.deploy.local.ManagedProcess;
import io.yardmaster.model.TaskSubmission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * W6: a pool of 4 slots offered 110% of its nominal capacity (Poisson arrivals of 20 ms tasks),
 * each task with a deadline 0.5–10 s after submission and 30% of them of business value 2. Reports
 * the deadline-miss rates, and those of an ideal EDF and of FIFO scheduler simulated offline on the
 * same arrivals at the measured service rate.
 */
final class DeadlineWorkload {
  static final long SEED = 6;
  static final int SLOTS = 4;
  static final int TASK_MS = 20;
  static final double LOAD = 1.10;

  private DeadlineWorkload() {}

  /** A planned arrival: when (from the start), its relative deadline, whether it is valuable. */
  record Plan(long offsetNanos, long deadlineMs, boolean valuable) {}

  static List<Plan> plan(int seconds, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double rate = LOAD * SLOTS * 1000.0 / TASK_MS; // per second
    List<Plan> plans = new ArrayList<>();
    double t = 0;
    while (true) {
      t += -Math.log(1 - random.nextDouble()) / rate;
      if (t >= seconds) {
        return plans;
      }
      long deadlineMs = 500 + random.nextLong(9_501);
      plans.add(new Plan((long) (t * 1e9), deadlineMs, random.nextDouble() < 0.3));
    }
  }

  static void run(Workloads w) throws InterruptedException {
    List<ManagedProcess> agents = w.startAgents(Workloads.DEADLINE, 2, SLOTS / 2);
    List<Plan> plans = plan(w.sizes.deadlineSeconds(), SEED);
    // deadlines are set when each task is sent; the tasks are built ahead with a placeholder
    List<TaskSubmission> tasks = new ArrayList<>();
    long[] offsets = new long[plans.size()];
    for (int i = 0; i < plans.size(); i++) {
      tasks.add(Workloads.sleep("w6-" + i, Workloads.DEADLINE, TASK_MS));
      offsets[i] = plans.get(i).offsetNanos();
    }
    List<TaskSubmission> dated = new DatedList(tasks, plans);
    w.submitter.sendPaced(dated, offsets);
    List<String> ids = Workloads.ids(tasks);
    w.awaitAll("W6", ids, Duration.ofMinutes(3));
    Map<String, Recorder.Task> seen = w.recorder.snapshot(ids);

    int missed = 0;
    int valuable = 0;
    int valuableMissed = 0;
    int flaggedLate = 0;
    Instant firstStart = null;
    Instant lastDone = null;
    long firstSent = Long.MAX_VALUE;
    for (int i = 0; i < plans.size(); i++) {
      String id = "w6-" + i;
      Recorder.Task t = seen.get(id);
      long sent = w.submitter.sentMicros(id);
      firstSent = Math.min(firstSent, sent);
      long deadline = sent + plans.get(i).deadlineMs() * 1000;
      boolean late = Submitter.micros(t.succeeded()) > deadline;
      missed += late ? 1 : 0;
      if (plans.get(i).valuable()) {
        valuable++;
        valuableMissed += late ? 1 : 0;
      }
      flaggedLate += t.view != null && t.view.late() ? 1 : 0;
      firstStart = min(firstStart, t.firstStart());
      lastDone = max(lastDone, t.succeeded());
    }
    double serviceRate = plans.size() / (Duration.between(firstStart, lastDone).toNanos() / 1e9);
    List<DeadlineSim.Arrival> arrivals = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      double at = (w.submitter.sentMicros("w6-" + i) - firstSent) / 1000.0;
      arrivals.add(
          new DeadlineSim.Arrival(at, at + plans.get(i).deadlineMs(), plans.get(i).valuable()));
    }
    double serviceMs = SLOTS * 1000.0 / serviceRate;
    DeadlineSim.Misses edf = DeadlineSim.run(arrivals, SLOTS, serviceMs, DeadlineSim.Policy.EDF);
    DeadlineSim.Misses fifo = DeadlineSim.run(arrivals, SLOTS, serviceMs, DeadlineSim.Policy.FIFO);
    double rate = 100.0 * missed / plans.size();
    double valuableRate = valuable == 0 ? 0 : 100.0 * valuableMissed / valuable;
    w.figures.add(
        Figure.of("W6", "deadline misses, all tasks", rate, "%")
            .against(100 * edf.rate(), "ideal EDF (simulated)")
            .target(Figure.Target.atMost(100 * edf.rate() + 2)));
    w.figures.add(
        Figure.of("W6", "deadline misses, business value 2", valuableRate, "%")
            .against(100 * edf.valuableRate(), "ideal EDF (simulated)"));
    w.figures.add(Figure.of("W6", "ideal EDF misses, all", 100 * edf.rate(), "%"));
    w.figures.add(Figure.of("W6", "ideal EDF misses, valuable", 100 * edf.valuableRate(), "%"));
    w.figures.add(Figure.of("W6", "FIFO misses, all", 100 * fifo.rate(), "%"));
    w.figures.add(Figure.of("W6", "FIFO misses, valuable", 100 * fifo.valuableRate(), "%"));
    w.figures.add(Figure.of("W6", "measured service rate", serviceRate, "tasks/s"));
    w.notes.add(
        String.format(
            Locale.ROOT,
            "W6: %,d tasks offered at %.0f/s (110%% of 4 slots × 20 ms); the simulation gives each of"
                + " 4 servers %.1f ms per task (the measured %.0f tasks/s); %,d tasks were flagged"
                + " late in tasks.state.",
            plans.size(),
            LOAD * SLOTS * 1000.0 / TASK_MS,
            serviceMs,
            serviceRate,
            flaggedLate));
    agents.forEach(w.cluster::stop);
  }

  private static Instant min(Instant a, Instant b) {
    return a == null || (b != null && b.isBefore(a)) ? b : a;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }

  /** The tasks, each given its deadline relative to the moment it is read (that is, sent). */
  private static final class DatedList extends java.util.AbstractList<TaskSubmission> {
    private final List<TaskSubmission> tasks;
    private final List<Plan> plans;

    DatedList(List<TaskSubmission> tasks, List<Plan> plans) {
      this.tasks = tasks;
      this.plans = plans;
    }

    @Override
    public TaskSubmission get(int i) {
      Plan p = plans.get(i);
      Instant deadline = Instant.now().plusMillis(p.deadlineMs());
      return tasks.get(i).withPriority(Workloads.priority(deadline, p.valuable() ? 2.0 : 1.0));
    }

    @Override
    public int size() {
      return tasks.size();
    }
  }
}
