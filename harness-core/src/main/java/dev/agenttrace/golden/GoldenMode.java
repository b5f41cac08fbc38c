package dev.agenttrace.golden;

import java.util.Locale;

/**
 * How golden files are used, set with {@code -Dagenttrace.golden.mode=verify|update|new}. On CI ({@code CI=true})
 * golden files are read-only: only {@link #VERIFY} is allowed, and a missing golden fails.
 */
public enum GoldenMode {
  /** Compare with the golden; a missing golden is written (and reported) locally, and fails on CI. The default. */
  VERIFY,
  /** Rewrite every golden from the current trace (review the change with {@code git diff}). */
  UPDATE,
  /** Write only missing goldens; existing ones are verified as in {@link #VERIFY}. */
  NEW;

  /** The mode named {@code value} ({@code verify}, {@code update}, {@code new}; case-insensitive). */
  public static GoldenMode parse(String value) {
    String name = value.strip().toUpperCase(Locale.ROOT);
    for (GoldenMode mode : values()) {
      if (mode.name().equals(name)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("Unknown " + GoldenTraces.MODE_PROPERTY + " '" + value
        + "': use verify (default), update or new");
  }

  /** True when this mode may write golden files. */
  boolean writes() {
    return this != VERIFY;
  }
}
