package dev.agenttrace.stubs;

import dev.agenttrace.llm.ToolCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One registered stubbing of a tool: the tool name, the argument fragments it requires (none = unconditional),
 * its consecutive answers (the last repeats) and its latency. Guarded by the lock of its {@link ToolStubs}.
 */
final class ToolScript {
  private final String toolName;
  private final List<String> argumentFragments;
  private final List<ToolAnswer> answers = new ArrayList<>();
  private Duration latency = Duration.ZERO;
  private int uses;

  ToolScript(String toolName, List<String> argumentFragments, ToolAnswer first) {
    this.toolName = toolName;
    this.argumentFragments = List.copyOf(argumentFragments);
    this.answers.add(first);
  }

  String toolName() {
    return toolName;
  }

  boolean isConditional() {
    return !argumentFragments.isEmpty();
  }

  boolean matches(ToolCall call) {
    return call.name().equals(toolName) && argumentFragments.stream().allMatch(call.arguments()::contains);
  }

  void append(ToolAnswer answer) {
    answers.add(answer);
  }

  void latency(Duration value) {
    latency = value;
  }

  Duration latency() {
    return latency;
  }

  int uses() {
    return uses;
  }

  /** Consumes the next answer; the last one repeats. */
  ToolAnswer next() {
    return answers.get(Math.min(uses++, answers.size() - 1));
  }

  /** E.g. {@code get_weather when arguments contain "Paris" → returns "{...}", then throws IOException}. */
  String description() {
    String condition = argumentFragments.stream().map(Text::quote)
        .collect(Collectors.joining(" and ", " when arguments contain ", ""));
    String script = answers.stream().map(ToolAnswer::description).collect(Collectors.joining(", then "));
    return toolName + (isConditional() ? condition : "") + " → " + script
        + (latency.isZero() ? "" : " after " + latency);
  }
}
