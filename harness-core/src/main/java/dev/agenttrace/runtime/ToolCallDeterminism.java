package dev.agenttrace.runtime;

import dev.agenttrace.llm.ToolCall;
import java.util.List;

/**
 * The part of the determinism check the journal key cannot do for a tool wait: the key holds the tool names, so a
 * replay that asks for the same tools with different arguments is caught here, naming both calls.
 */
final class ToolCallDeterminism {
  private ToolCallDeterminism() {}

  static void check(String executionId, int position, List<ToolOutcome> journaled, List<ToolCall> requested) {
    if (journaled == null) {
      return;
    }
    for (int i = 0; i < Math.min(journaled.size(), requested.size()); i++) {
      ToolOutcome before = journaled.get(i);
      ToolCall now = requested.get(i);
      if (!before.toolName().equals(now.name()) || !before.arguments().equals(now.arguments())) {
        throw new NonDeterminismException(executionId, position,
            "tool " + before.toolName() + " " + before.arguments(), "tool " + now.name() + " " + now.arguments());
      }
    }
  }
}
