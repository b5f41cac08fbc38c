package dev.agenttrace.trace;

import java.util.Optional;

/**
 * A tool execution ({@code execute_tool {tool}}): which tool, with which arguments, what it returned, how long it
 * took and whether it failed. Its call id ties it to the {@link LlmCall} that requested it.
 */
public final class ToolInvocation extends SpanView {
  private final String name;

  ToolInvocation(TraceSpan span) {
    super(span);
    this.name = span().attribute(SpanConventions.GEN_AI_TOOL_NAME)
        .orElseGet(() -> SpanNames.subject(span().name(), SpanConventions.OP_EXECUTE_TOOL));
  }

  /** {@code gen_ai.tool.name}, else the tool named in the span name. */
  public String name() {
    return name;
  }

  public Optional<String> callId() {
    return span().attribute(SpanConventions.GEN_AI_TOOL_CALL_ID);
  }

  /** The arguments as recorded (usually JSON text); empty when content capture was off. */
  public Optional<String> arguments() {
    return span().attribute(SpanConventions.GEN_AI_TOOL_CALL_ARGUMENTS);
  }

  /** The result as recorded; empty when the tool failed or content capture was off. */
  public Optional<String> result() {
    return span().attribute(SpanConventions.GEN_AI_TOOL_CALL_RESULT);
  }

  @Override
  public String toString() {
    return "ToolInvocation[" + name + " " + TraceText.abbreviate(arguments().orElse("")) + "]";
  }
}
