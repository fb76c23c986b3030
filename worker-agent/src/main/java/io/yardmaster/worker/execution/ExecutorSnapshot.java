package io.yardmaster.worker.execution;

import io.yardmaster.model.RunningTask;
import java.util.List;

/**
 * What the executor holds at one moment.
 *
 * @param slots the number of slots
 * @param busy slots running a task
 * @param queued assignments waiting for a slot
 * @param held every task held, running ones and queued ones, in the order received
 */
public record ExecutorSnapshot(int slots, int busy, int queued, List<RunningTask> held) {
  public ExecutorSnapshot {
    held = List.copyOf(held);
  }

  /** Slots that no running or queued task will take: what the dispatcher may still fill. */
  public int freeSlots() {
    return Math.max(0, slots - busy - queued);
  }
}
