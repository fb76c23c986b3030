package io.yardmaster.worker.execution;

import java.time.Instant;

/**
 * One line of the execution log: one execution attempt that took a slot.
 *
 * @param concurrentAtStart tasks running on this agent when this one started, itself included
 * @param startNanos {@link System#nanoTime()} at start (compare only within one agent process)
 */
public record ExecutionRecord(
    String agentId,
    String taskId,
    int attempt,
    String leaseId,
    String type,
    String status,
    Instant startedAt,
    Instant finishedAt,
    long startNanos,
    long endNanos,
    int concurrentAtStart,
    int slots) {}
