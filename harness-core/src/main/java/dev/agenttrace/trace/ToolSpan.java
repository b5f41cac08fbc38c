package dev.agenttrace.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * An {@code execute_tool {tool}} span being written: {@link #end(String)} records the tool's result, {@link #fail}
 * its error. Started by {@link SpanWriter#startTool}.
 */
public final class ToolSpan extends OperationSpan {
  ToolSpan(Span span, Context parent) {
    super(span, parent);
  }

  /** Records the result ({@code null} as empty) and ends the span. */
  public void end(String result) {
    span().setAttribute(SpanConventions.GEN_AI_TOOL_CALL_RESULT, result == null ? "" : result);
    span().end();
  }
}
