package io.yardmaster.worker.lifecycle;

/** A part of the agent that runs in the background once started. */
public interface Startable {
  /** Starts the background work; returns at once. Starting twice is an error. */
  void start();
}
