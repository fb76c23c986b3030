package io.yardmaster.worker.config;

import picocli.CommandLine.IVersionProvider;

/** The agent's version, from its jar's manifest ({@code dev} when run from classes). */
public final class WorkerVersion {
  private WorkerVersion() {}

  public static String current() {
    String version = WorkerVersion.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** Feeds {@code --version}. */
  public static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"yard-worker " + current()};
    }
  }
}
