package dev.agenttrace.runtime;

import java.util.Objects;

/**
 * One place where {@link CrashExploration} kills the process: before or after an operation, or in the middle of a
 * tool call, of the run itself or of one of its child agents.
 *
 * @param crash the plan that crashes there
 * @param description reads like {@code "after chat gpt-4o (operation #0 of WeatherAgent)"}
 * @param kind the kind of the operation
 * @param toolName for a crash in the middle of a tool call, the tool; empty otherwise
 * @param idempotentTool for a crash in the middle of a tool call, whether that tool may run again
 */
public record CrashPoint(Crash crash, String description, OperationKind kind, String toolName, boolean idempotentTool) {
  public CrashPoint {
    Objects.requireNonNull(crash, "crash");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(kind, "kind");
    toolName = Objects.requireNonNullElse(toolName, "");
  }

  /** Whether the process dies while a tool runs, after it ran but before its result was journaled. */
  public boolean isMidToolCall() {
    return crash.phase() == Crash.Phase.DURING_TOOL;
  }

  @Override
  public String toString() {
    return description;
  }
}
