package io.yardmaster.dispatcher.config;

import java.util.Map;

/**
 * How a task without an explicit pool finds one: by task type first, then by its first required
 * capability that a rule names, then the default pool.
 */
public record RoutingRules(
    Map<String, String> typeToPool, Map<String, String> capabilityToPool, String defaultPool) {
  public static final RoutingRules NONE = new RoutingRules(Map.of(), Map.of(), null);

  public RoutingRules {
    typeToPool = typeToPool == null ? Map.of() : Map.copyOf(typeToPool);
    capabilityToPool = capabilityToPool == null ? Map.of() : Map.copyOf(capabilityToPool);
  }
}
