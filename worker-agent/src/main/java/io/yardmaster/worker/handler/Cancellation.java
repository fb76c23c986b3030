package io.yardmaster.worker.handler;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The signal that a running task must stop: it was cancelled, ran past its timeout, or the agent is
 * stopping. Handlers poll {@link #isCancelled()}, wait with {@link #await(Duration)}, or register
 * {@link #onCancel(Runnable)} to stop something they started (a process, a request).
 */
public final class Cancellation {
  private final CountDownLatch fired = new CountDownLatch(1);
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** Fires the signal (once; later calls do nothing) and runs the registered listeners. */
  public void cancel() {
    synchronized (fired) {
      if (fired.getCount() == 0) {
        return;
      }
      fired.countDown();
    }
    listeners.forEach(Cancellation::runQuietly);
  }

  public boolean isCancelled() {
    return fired.getCount() == 0;
  }

  /** Throws {@link CancellationException} once the signal has fired. */
  public void throwIfCancelled() {
    if (isCancelled()) {
      throw new CancellationException("the task was stopped");
    }
  }

  /**
   * Waits up to {@code timeout} for the signal.
   *
   * @return true when the signal fired, false when the time passed without it
   */
  public boolean await(Duration timeout) throws InterruptedException {
    return fired.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Runs {@code listener} when the signal fires, on the thread that fires it (at once when it has
   * already fired). Listeners must be quick and must not throw.
   *
   * @return a handle that removes the listener when closed
   */
  public Registration onCancel(Runnable listener) {
    synchronized (fired) {
      if (!isCancelled()) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
      }
    }
    runQuietly(listener);
    return () -> {};
  }

  /** Removes a listener registered with {@link #onCancel(Runnable)}. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  private static void runQuietly(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(Cancellation.class)
          .warn("A cancellation listener failed: {}", e.toString());
    }
  }
}
