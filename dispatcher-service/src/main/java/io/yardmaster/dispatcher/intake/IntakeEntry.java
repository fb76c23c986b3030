package io.yardmaster.dispatcher.intake;

import java.time.Instant;

/**
 * What intake remembers of every task id it accepted: its pool (null when unschedulable) and when
 * it arrived. It makes submissions idempotent and routes control commands to the right pool.
 */
public record IntakeEntry(String pool, Instant submittedAt) {}
