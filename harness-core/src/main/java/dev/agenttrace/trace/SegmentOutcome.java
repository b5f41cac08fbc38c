package dev.agenttrace.trace;

import java.util.Locale;

/** How an execution segment ended ({@code agenttrace.segment.outcome}). A crash is not an error. */
public enum SegmentOutcome {
  /** The agent entered a wait; a later segment continues the execution. */
  WAITING,
  /** The execution returned its output. */
  COMPLETED,
  /** The execution threw; the segment span has status ERROR. */
  FAILED,
  /** The process died mid-segment; a later segment resumes from the journal. */
  CRASHED,
  /** The span carries no outcome (it came from elsewhere, or never ended). */
  UNKNOWN;

  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire value; {@code null} or an unrecognised value gives {@link #UNKNOWN}. */
  public static SegmentOutcome fromWireValue(String value) {
    if (value != null) {
      for (SegmentOutcome outcome : values()) {
        if (outcome.wireValue().equalsIgnoreCase(value)) {
          return outcome;
        }
      }
    }
    return UNKNOWN;
  }
}
