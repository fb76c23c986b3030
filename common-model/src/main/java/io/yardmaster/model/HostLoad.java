package io.yardmaster.model;

/** Host load figures an agent samples (with OSHI): fractions from 0 to 1. */
public record HostLoad(double cpu, double memory, double disk) {
  public static final HostLoad UNKNOWN = new HostLoad(0, 0, 0);
}
