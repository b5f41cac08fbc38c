package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;

/**
 * Composes assertion failure messages: what was expected, what was found, and the trace as a tree with the
 * offending (or closest) span marked. Messages are passed to AssertJ as arguments of {@code "%s"}, never as format
 * strings, so values containing {@code %} print as they are.
 */
final class TraceFailures {
  private TraceFailures() {}

  static String message(String expectation, String found, AgentTrace trace, String markedSpanId) {
    StringBuilder message = new StringBuilder()
        .append('\n').append("Expecting ").append(expectation).append('\n')
        .append("but ").append(found).append('\n');
    if (trace != null) {
      message.append('\n').append("Trace").append(markedSpanId == null ? "" : " (▶ marks the span in question)")
          .append(":\n")
          .append(markedSpanId == null ? trace.toTreeString() : trace.toTreeString(markedSpanId));
    }
    return message.toString();
  }
}
