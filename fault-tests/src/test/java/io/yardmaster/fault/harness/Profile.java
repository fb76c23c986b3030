package io.yardmaster.fault.harness;

/**
 * Which size of each scenario runs: {@code short} in every build (a few seconds of faults), or
 * {@code long} from {@code scripts/faults} (system property {@code fault.profile}).
 */
public enum Profile {
  SHORT,
  LONG;

  public static Profile current() {
    return "long".equalsIgnoreCase(System.getProperty("fault.profile", "short")) ? LONG : SHORT;
  }

  /** {@code shortValue} in the short profile, {@code longValue} in the long one. */
  public int pick(int shortValue, int longValue) {
    return this == LONG ? longValue : shortValue;
  }
}
