package dev.agenttrace.assertions;

import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.AgentTrace;

/**
 * The text of a failed trace assertion: {@code Expecting …}, {@code but …}, the near-miss table of the closest
 * candidate when there is one, and the trace as a tree with the offending or closest span marked. User values reach
 * it already shortened by {@link Values}; secrets are redacted ({@link RedactionPolicy}), since the message ends up in
 * CI logs; it is passed to AssertJ as an argument of {@code "%s"}, never as a format.
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

  String render() {
    StringBuilder message = new StringBuilder()
        .append('\n').append("Expecting ").append(expectation).append('\n')
        .append("but ").append(found).append('\n');
    if (nearMiss != null) {
      message.append('\n').append(nearMiss.render());
    }
    if (trace != null) {
      message.append('\n').append("Trace").append(markedSpanId == null ? "" : " (▶ marks the span in question)")
          .append(":\n")
          .append(markedSpanId == null ? trace.toTreeString() : trace.toTreeString(markedSpanId));
    }
    message.append(reportReference());
    return RedactionPolicy.defaults().redactPlainText(message.toString());
  }

  /**
   * The hook for the path of the test's HTML report: empty until the trace model knows where its report is
   * written; then this returns {@code "\nReport: <path>\n"}.
   */
  private String reportReference() {
    return "";
  }
}
