package dev.agenttrace.trace;

import java.util.Locale;

/** What a waiting segment waits on ({@code agenttrace.wait.kind}). */
public enum WaitKind {
  TOOL,
  TIMER,
  EVENT,
  APPROVAL,
  CHILD,
  UNKNOWN;

  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire value; {@code null} or an unrecognised value gives {@link #UNKNOWN}. */
  public static WaitKind fromWireValue(String value) {
    if (value != null) {
      for (WaitKind kind : values()) {
        if (kind.wireValue().equalsIgnoreCase(value)) {
          return kind;
        }
      }
    }
    return UNKNOWN;
  }
}
