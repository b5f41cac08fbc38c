package dev.agenttrace.runtime;

import java.util.Objects;

/** The journaled outcome of one tool call of a tool wait: its result, or the failure the tool threw. */
record ToolOutcome(String callId, String toolName, String result, RecordedFailure failure) {
  ToolOutcome {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(toolName, "toolName");
  }
}
