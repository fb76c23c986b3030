package io.yardmaster.dispatcher.scaling;

/**
 * A pool's desired agent count and when it last changed, kept in the {@value
 * PoolScaling#STATE_STORE} store so a restarted or moved scheduler keeps its cooldowns.
 */
public record ScalerState(int desired, long lastChangeMs) {}
