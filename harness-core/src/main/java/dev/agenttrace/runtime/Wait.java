package dev.agenttrace.runtime;

import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.trace.WaitKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a waiting run waits on: its kind, the journal key of the waiting operation, the awaited name (event or
 * approval), the instant a timer fires, or the tool calls being run.
 */
public record Wait(WaitKind kind, String key, String name, Instant until, List<ToolCall> toolCalls) {
  public Wait {
    toolCalls = List.copyOf(toolCalls);
  }

  static Wait tools(String key, List<ToolCall> calls) {
    return new Wait(WaitKind.TOOL, key, toolNames(calls), null, calls);
  }

  static Wait timer(String key, Instant until) {
    return new Wait(WaitKind.TIMER, key, "", until, List.of());
  }

  static Wait event(String key, String name) {
    return new Wait(WaitKind.EVENT, key, name, null, List.of());
  }

  static Wait approval(String key, String name) {
    return new Wait(WaitKind.APPROVAL, key, name, null, List.of());
  }

  /** An approval that expires at {@code deadline} on the virtual clock (issue 14). */
  static Wait approval(String key, String name, Instant deadline) {
    return new Wait(WaitKind.APPROVAL, key, name, deadline, List.of());
  }

  static Wait child(String key, String agentName) {
    return new Wait(WaitKind.CHILD, key, agentName, null, List.of());
  }

  public Optional<Instant> untilInstant() {
    return Optional.ofNullable(until);
  }

  private static String toolNames(List<ToolCall> calls) {
    return calls.stream().map(ToolCall::name).collect(Collectors.joining(", "));
  }

  /** Reads like "tool get_weather", "timer until 2026-01-01T10:00:00Z", "approval 'refund'". */
  @Override
  public String toString() {
    switch (kind) {
      case TOOL:
        return (toolCalls.size() == 1 ? "tool " : "tools ") + name;
      case TIMER:
        return "timer until " + until;
      default:
        return kind.wireValue() + " '" + name + "'" + (until == null ? "" : " (expires " + until + ")");
    }
  }
}
