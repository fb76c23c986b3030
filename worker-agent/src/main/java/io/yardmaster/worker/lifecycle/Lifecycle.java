package io.yardmaster.worker.lifecycle;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The agent's current {@link LifecycleState}, moved forwards only, and a way to wait for STOPPED.
 */
public final class Lifecycle {
  private final AtomicReference<LifecycleState> state = new AtomicReference<>(LifecycleState.NEW);
  private final CountDownLatch stopped = new CountDownLatch(1);

  public LifecycleState state() {
    return state.get();
  }

  /**
   * Moves to {@code next} when that is a step forwards.
   *
   * @return true when this call made the move (so the caller does the work that goes with it)
   */
  public boolean moveTo(LifecycleState next) {
    while (true) {
      LifecycleState current = state.get();
      if (!current.canMoveTo(next)) {
        return false;
      }
      if (state.compareAndSet(current, next)) {
        if (next == LifecycleState.STOPPED) {
          stopped.countDown();
        }
        return true;
      }
    }
  }

  public boolean isAcceptingWork() {
    return state.get() == LifecycleState.RUNNING;
  }

  /** Waits until STOPPED; returns false if {@code timeout} passed first. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }
}
