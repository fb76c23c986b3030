package io.yardmaster.deploy.security;

import java.util.Locale;

/** Who talks to Yardmaster's topics, each with its own principal and ACLs ({@link AclPlan}). */
public enum Role {
  /** The dispatcher service (Kafka Streams): owns every Yardmaster topic. */
  DISPATCHER,
  /** The worker agents of one pool: read that pool's assignments, write results and heartbeats. */
  AGENT,
  /** Producers of tasks: write submissions, follow the state of tasks. */
  SUBMITTER,
  /** People and tools that run the yard: control commands, read everything. */
  OPERATOR;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
