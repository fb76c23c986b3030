package io.yardmaster.benchmarks;

import io.yardmaster.dispatcher.scheduling.Requirement;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskSubmission;
import java.time.Instant;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A reproducible mix of tasks like a busy pool's: levels 1 to 10, business values from 0.5 to 5, a
 * deadline on three tasks in five (already past, or seconds, minutes or hours ahead), and one task
 * in four needing a GPU or an SSD.
 */
final class TaskMix {
  /** Capabilities of an agent that can serve every task of the mix. */
  static final Set<String> ALL_CAPABILITIES = Set.of("gpu", "ssd");

  private static final int VARIANTS = 4096;
  private static final Set<String> NONE = Set.of();
  private static final Set<String> GPU = Set.of("gpu");
  private static final Set<String> SSD = Set.of("ssd");

  private final Priority[] priorities = new Priority[VARIANTS];
  private final Set<String>[] capabilities;
  private final Requirement[] requirements = new Requirement[VARIANTS];
  private int next;

  @SuppressWarnings("unchecked")
  TaskMix(long seed, long nowMs) {
    SplittableRandom random = new SplittableRandom(seed);
    capabilities = new Set[VARIANTS];
    for (int i = 0; i < VARIANTS; i++) {
      priorities[i] =
          new Priority(
              1 + random.nextInt(10), 0.5 + random.nextInt(10) / 2.0, deadline(random, nowMs), 1.0);
      int c = random.nextInt(8);
      capabilities[i] = c == 0 ? GPU : c == 1 ? SSD : NONE;
      requirements[i] =
          capabilities[i].isEmpty() ? Requirement.NONE : new Requirement(capabilities[i], null);
    }
  }

  private static Instant deadline(SplittableRandom random, long nowMs) {
    long ahead =
        switch (random.nextInt(5)) {
          case 0 -> -1_000 - random.nextLong(3_600_000); // overdue
          case 1 -> 1_000 + random.nextLong(59_000); // seconds
          case 2 -> 60_000 + random.nextLong(3_540_000); // minutes
          case 3 -> 3_600_000 + random.nextLong(32_400_000); // hours
          default -> Long.MIN_VALUE; // none
        };
    return ahead == Long.MIN_VALUE ? null : Instant.ofEpochMilli(nowMs + ahead);
  }

  /** The next task of the mix, with this id. */
  TaskSubmission task(String id) {
    int i = variant();
    return TaskSubmission.of(id, "bench")
        .withPriority(priorities[i])
        .withCapabilities(capabilities[i]);
  }

  /**
   * The next variant of the mix, for the queue alone: see {@link #priority} and {@link
   * #requirement}.
   */
  int variant() {
    return next++ & (VARIANTS - 1);
  }

  Priority priority(int variant) {
    return priorities[variant];
  }

  Requirement requirement(int variant) {
    return requirements[variant];
  }
}
