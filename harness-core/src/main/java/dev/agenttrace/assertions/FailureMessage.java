package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;

/**
 * Builds a failure of a trace assertion: what was expected ({@code Expecting …}), what was found ({@code but …}), the
 * span in question and the near-miss table of the closest candidate. {@link AbstractTraceAssert#failure} turns it
 * into a {@link TraceAssertionError}, which renders the message only when it is read. User values reach it already
 * shortened by {@link Values}; they are never used as a format string.
 */
public final class FailureMessage {
  private final String expectation;
  private final AgentTrace trace;
  private String found = "";
  private String markedSpanId;
  private NearMissTable nearMiss;

  FailureMessage(String expectation, AgentTrace trace) {
    this.expectation = expectation;
    this.trace = trace;
  }

  /** What was found instead, as the sentence after {@code but}. */
  public FailureMessage but(String foundDescription) {
    this.found = foundDescription;
    return this;
  }

  /** Marks this span in the printed trace; {@code null} marks none. */
  public FailureMessage marking(String spanId) {
    this.markedSpanId = spanId;
    return this;
  }

  FailureMessage withNearMiss(NearMissTable table) {
    this.nearMiss = table;
    if (table != null && markedSpanId == null) {
      markedSpanId = table.spanId();
    }
    return this;
  }

  String expectation() {
    return expectation;
  }

  String finding() {
    return found;
  }

  String markedSpanId() {
    return markedSpanId;
  }

  NearMissTable nearMiss() {
    return nearMiss;
  }

  AgentTrace trace() {
    return trace;
  }
}
