package io.yardmaster.model;

import java.time.Instant;

/** One execution attempt of a task, as kept for the dead-letter queue. */
public record AttemptRecord(
    int attempt,
    String agentId,
    String leaseId,
    Instant assignedAt,
    Instant finishedAt,
    String outcome,
    TaskError error) {}
