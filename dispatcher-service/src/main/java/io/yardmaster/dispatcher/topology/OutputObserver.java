package io.yardmaster.dispatcher.topology;

/**
 * Sees every value the scheduler stage emits (events, views, statuses, assignments) on the stream
 * thread, before it is written. Metrics use it; it must be quick and must not throw.
 */
@FunctionalInterface
public interface OutputObserver {
  OutputObserver NONE = value -> {};

  void seen(Object value);
}
