package dev.agenttrace.runtime;

import java.util.Objects;

/**
 * The journaled outcome of one tool call of a tool wait: its result, or the failure the tool threw. While the wait
 * is pending, an entry {@link #inFlight()} records that a non-idempotent tool started, so that a crash mid-call
 * never runs it again. {@code arguments} lets a replay check that the agent asks for the same call.
 */
record ToolOutcome(String callId, String toolName, String arguments, String result, RecordedFailure failure,
    boolean inFlight) {
  ToolOutcome {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(toolName, "toolName");
    arguments = Objects.requireNonNullElse(arguments, "");
  }

  static ToolOutcome started(String callId, String toolName, String arguments) {
    return new ToolOutcome(callId, toolName, arguments, null, null, true);
  }
}
