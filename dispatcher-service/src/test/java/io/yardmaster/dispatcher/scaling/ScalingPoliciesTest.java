package io.yardmaster.dispatcher.scaling;

import static io.yardmaster.dispatcher.scaling.LoadSimulation.MONDAY;
import static io.yardmaster.dispatcher.scaling.LoadSimulation.dailyPeak;
import static io.yardmaster.dispatcher.scaling.LoadSimulation.flat;
import static io.yardmaster.dispatcher.scaling.LoadSimulation.hours;
import static io.yardmaster.dispatcher.scaling.LoadSimulation.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingPoliciesTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration DAY = Duration.ofDays(1);

  private static ScalingOptions options(ScalingPolicy p, int min, int max) {
    return ScalingOptions.of(p)
        .withBounds(min, max)
        .withCooldowns(Duration.ofMinutes(2), Duration.ofMinutes(10));
  }

  private static PoolLoad load(int agents, long queued, long running, double cpu) {
    return new PoolLoad("p", MONDAY, agents, agents * 4, queued, running, 0, cpu, null);
  }

  @Test
  void shouldHoldTheStaticSizeWhateverTheLoad() {
    // GIVEN a static policy of 3 agents WHEN a day with a peak passes
    LoadSimulation sim =
        new LoadSimulation(options(new StaticPolicy(3), 1, 10), 1)
            .run(dailyPeak(5, 80), MONDAY, DAY, MINUTE);
    // THEN it always wants 3
    assertThat(sim.min()).isEqualTo(3);
    assertThat(sim.max()).isEqualTo(3);
    assertThat(sim.scaler.changes()).isZero();
  }

  @Test
  void shouldFollowAStepUpThenStayWhenReactive() {
    // GIVEN reactive scaling, 4 slots + 4 queued per agent, and a step from 8 to 80 tasks at 01:00
    LoadSimulation sim =
        new LoadSimulation(options(new ReactivePolicy(4, Duration.ZERO), 1, 20), 1)
            .run(step(MONDAY + hours(1), 8, 80), MONDAY, Duration.ofHours(3), MINUTE);
    // THEN it starts at 1, reaches 10 agents after the step (80 / 8), and changes once
    assertThat(sim.desiredAt(MONDAY + hours(0.5))).isEqualTo(1);
    assertThat(sim.desiredAt(MONDAY + hours(1.1))).isEqualTo(10);
    assertThat(sim.desiredAt(MONDAY + hours(3))).isEqualTo(10);
    assertThat(sim.scaler.changes()).isEqualTo(1);
  }

  @Test
  void shouldNotChangeOnAFlatLine() {
    for (ScalingPolicy p :
        List.of(
            new ReactivePolicy(4, Duration.ofSeconds(30)),
            new PredictivePolicy(4),
            new ResourcePolicy(0.7))) {
      // GIVEN a flat load of 40 tasks WHEN a day passes
      LoadSimulation sim =
          new LoadSimulation(options(p, 1, 20), 5).run(flat(40), MONDAY, DAY, MINUTE);
      // THEN after settling the count stays put
      assertThat(sim.scaler.changes()).as(p.name()).isLessThanOrEqualTo(2);
      assertThat(sim.desiredAt(MONDAY + hours(23)))
          .as(p.name())
          .isEqualTo(sim.desiredAt(MONDAY + hours(12)));
    }
  }

  @Test
  void shouldKeepChangesBoundedByCooldownsOnANoisyDailyPeak() {
    // GIVEN reactive scaling with no tolerance, and a daily peak with +-3 tasks of jitter a minute
    ScalingOptions o = options(new ReactivePolicy(0, Duration.ZERO), 1, 40).withTolerance(0);
    LoadSimulation sim = new LoadSimulation(o, 1).run(dailyPeak(10, 100), MONDAY, DAY, MINUTE);
    // THEN it follows the peak (100 / 4 slots = 25) ...
    assertThat(sim.desiredAt(MONDAY + hours(12))).isBetween(24, 26);
    assertThat(sim.desiredAt(MONDAY + hours(22))).isBetween(2, 4);
    // ... with at most one change per up-cooldown while the jitter would flap it every minute
    assertThat(sim.scaler.changes()).isLessThanOrEqualTo(24 * 60 / 2);
    // AND WHEN the same load runs with 10% hysteresis, changes are a handful
    LoadSimulation calm =
        new LoadSimulation(options(new ReactivePolicy(0, Duration.ZERO), 1, 40), 1)
            .run(dailyPeak(10, 100), MONDAY, DAY, MINUTE);
    assertThat(calm.scaler.changes()).isLessThanOrEqualTo(8);
    assertThat(calm.desiredAt(MONDAY + hours(12))).isBetween(23, 27);
  }

  @Test
  void shouldScaleAheadOfTheDailyPeakWhenPredictive() {
    // GIVEN a week of daily peaks (80 tasks, 09:00-17:00) recorded in the history
    LoadSimulation sim =
        new LoadSimulation(options(new PredictivePolicy(4), 1, 20), 1)
            .run(dailyPeak(8, 80), MONDAY, Duration.ofDays(7), Duration.ofMinutes(5));
    LoadSimulation reactive =
        new LoadSimulation(options(new ReactivePolicy(4, Duration.ZERO), 1, 20), 1)
            .run(dailyPeak(8, 80), MONDAY, Duration.ofDays(7), Duration.ofMinutes(5));
    // WHEN the eighth day reaches 08:10, before its peak
    long nextMorning = MONDAY + Duration.ofDays(7).toMillis() + hours(8) + hours(1.0 / 6);
    sim.run(dailyPeak(8, 80), nextMorning - hours(1), Duration.ofHours(1), Duration.ofMinutes(5));
    reactive.run(
        dailyPeak(8, 80), nextMorning - hours(1), Duration.ofHours(1), Duration.ofMinutes(5));
    // THEN predictive already wants the peak's agents (about 83 / 8), reactive only the night's
    assertThat(sim.desiredAt(nextMorning)).isGreaterThanOrEqualTo(9);
    assertThat(reactive.desiredAt(nextMorning)).isLessThanOrEqualTo(2);
    // AND it changes about twice a day, not every sample
    assertThat(sim.scaler.changes()).isLessThanOrEqualTo(8 * 4);
  }

  @Test
  void shouldFallBackToTheHourOfDayBeforeAWeekOfHistory() {
    LoadHistory h = new LoadHistory();
    // GIVEN one Monday with a peak at 09:00
    for (long t = MONDAY; t < MONDAY + hours(24); t += 60_000) {
      h.observe(t, LoadSimulation.dailyPeak(0, 50).applyAsDouble(t));
    }
    h.observe(MONDAY + hours(24), 0);
    // THEN Tuesday 09:30 is forecast from Monday's 09:00 hour
    assertThat(h.forecast(MONDAY + hours(33.5)).orElse(-1)).isBetween(47.0, 53.0);
    assertThat(h.forecast(MONDAY + hours(27)).orElse(-1)).isBetween(0.0, 3.0);
  }

  @Test
  void shouldUseScheduledSizesWhenTimeBased() {
    // GIVEN weekdays 09:00-18:00 -> 5, otherwise 1
    TimeBasedPolicy p =
        new TimeBasedPolicy(
            List.of(
                new TimeBasedPolicy.Window(
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(9, 0),
                    LocalTime.of(18, 0),
                    5)),
            1,
            ZoneOffset.UTC);
    LoadSimulation sim =
        new LoadSimulation(options(p, 0, 10), 1)
            .run(flat(0), MONDAY, Duration.ofDays(7), Duration.ofMinutes(15));
    // THEN Monday 10:00 has 5, Monday 18:00 (after the down cooldown) 1, Saturday noon 1
    assertThat(sim.desiredAt(MONDAY + hours(10))).isEqualTo(5);
    assertThat(sim.desiredAt(MONDAY + hours(18.5))).isEqualTo(1);
    assertThat(sim.desiredAt(MONDAY + hours(5 * 24 + 12))).isEqualTo(1);
    // AND it changes twice a weekday
    assertThat(sim.scaler.changes()).isEqualTo(10);
  }

  @Test
  void shouldFollowTheMeanCpuWhenResourceBased() {
    Autoscaler a = new Autoscaler(options(new ResourcePolicy(0.6), 1, 10));
    // GIVEN 4 agents at 90% CPU THEN 6 agents bring it to 60%
    assertThat(a.evaluate(load(4, 0, 16, 0.9)).desired()).isEqualTo(6);
    // AND with no agent to measure, one is wanted while work waits
    assertThat(new ResourcePolicy(0.6).propose(load(0, 3, 0, 0)).agents()).isEqualTo(1);
  }

  @Test
  void shouldTakeTheLargestProposalWhenHybrid() {
    HybridPolicy hybrid =
        new HybridPolicy(
            List.of(
                new StaticPolicy(2),
                new ReactivePolicy(4, Duration.ZERO),
                new ResourcePolicy(0.5)));
    // GIVEN 2 agents, 40 queued+running, 80% CPU: static 2, reactive 5, cpu 3.2
    ScalingPolicy.Proposal p = hybrid.propose(load(2, 32, 8, 0.8));
    // THEN the hybrid proposes the largest, with the winner's reason
    assertThat(p.agents()).isEqualTo(5.0);
    assertThat(p.reason()).startsWith("reactive");
    // AND when idle the static floor wins
    assertThat(hybrid.propose(load(2, 0, 0, 0)).agents()).isEqualTo(2.0);
  }

  @Test
  void shouldStayWithinMinAndMax() {
    // GIVEN bounds 2..6 WHEN the load goes from nothing to a flood and back
    LoadSimulation sim =
        new LoadSimulation(options(new ReactivePolicy(4, Duration.ZERO), 2, 6), 2)
            .run(dailyPeak(0, 500), MONDAY, DAY, MINUTE);
    // THEN the count stays within them, reaching both
    assertThat(sim.min()).isEqualTo(2);
    assertThat(sim.max()).isEqualTo(6);
  }

  @Test
  void shouldIgnoreProposalsWithinTheTolerance() {
    Autoscaler a =
        new Autoscaler(
            ScalingOptions.of(new ReactivePolicy(0, Duration.ZERO))
                .withCooldowns(Duration.ZERO, Duration.ZERO)
                .withTolerance(0.1));
    // GIVEN 5 agents of 4 slots wanted for 20 tasks
    assertThat(a.evaluate(load(5, 0, 20, 0)).desired()).isEqualTo(5);
    // WHEN demand wobbles between 19 and 21 (4.75 to 5.25 agents)
    for (int i = 0; i < 50; i++) {
      a.evaluate(load(5, i % 2 == 0 ? 1 : 0, i % 2 == 0 ? 20 : 19, 0));
    }
    // THEN nothing changes
    assertThat(a.changes()).isZero();
  }

  @Test
  void shouldScaleUpAtOnceAfterTheFirstCount() {
    // GIVEN a scaler that just started with an idle pool (1 agent wanted)
    Autoscaler a = new Autoscaler(options(new ReactivePolicy(0, Duration.ZERO), 1, 10));
    assertThat(a.evaluate(load(1, 0, 0, 0)).desired()).isEqualTo(1);
    // WHEN a burst arrives a second later THEN the first change does not wait out a cooldown
    PoolLoad burst = new PoolLoad("p", MONDAY + 1000, 1, 4, 36, 4, 0, 1, null);
    assertThat(a.evaluate(burst).desired()).isEqualTo(10);
  }

  @Test
  void shouldKeepTheCooldownAfterARestore() {
    // GIVEN a scaler restored at 8 agents, changed a minute ago, with a 10 min down cooldown
    Autoscaler a = new Autoscaler(options(new ReactivePolicy(0, Duration.ZERO), 1, 10));
    a.restore(8, MONDAY - 60_000);
    // WHEN the load now wants 2
    Autoscaler.Decision d = a.evaluate(load(8, 0, 8, 0));
    // THEN it stays at 8 until the cooldown has passed
    assertThat(d.desired()).isEqualTo(8);
    assertThat(d.changed()).isFalse();
    assertThat(d.reason()).contains("cooldown");
  }

  @Test
  void shouldRejectBoundsTheWrongWayRound() {
    assertThatThrownBy(() -> ScalingOptions.of(new StaticPolicy(1)).withBounds(5, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Autoscaler(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("options can't be null");
  }
}
