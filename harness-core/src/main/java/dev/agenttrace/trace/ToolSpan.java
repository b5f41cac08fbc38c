package dev.agenttrace.trace;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * An {@code execute_tool {tool}} span being written: {@link #end(String)} records the tool's result, {@link #fail}
 * its error, {@link #endCrashedBefore} a crash right after the tool ran. Started by {@link SpanWriter#startTool}.
 */
public final class ToolSpan extends OperationSpan {
  ToolSpan(Span span, Context parent) {
    super(span, parent);
  }

  /**
   * Records the result and the {@code agenttrace.crash} event, then ends the span: the tool ran, but the process
   * died before {@code operation} (journaling its result), so the runtime does not know it finished.
   */
  public void endCrashedBefore(String operation, String result) {
    span().addEvent(SpanConventions.EVENT_CRASH, Attributes.of(SpanConventions.CRASH_BEFORE, operation));
    end(result);
  }

  /** Records the result ({@code null} as empty) and ends the span. */
  public void end(String result) {
    recordResult(result);
    span().end();
  }

  /**
   * Records a failure a framework turned into a reply to the model (LangChain4j and Spring AI send the error text
   * back by default): the {@code error} the tool threw, the {@code reply} the model was given as the result, and ends
   * the span.
   */
  public void endFailed(Throwable error, String reply) {
    markError(error, errorTypeOf(error));
    recordResult(reply);
    span().end();
  }

  /**
   * As {@link #endFailed(Throwable, String)} when only the framework's report of the failure is known, not the
   * exception: {@code error.type} {@code errorType} and status ERROR with {@code message}.
   */
  public void endFailed(String errorType, String message, String reply) {
    markError(errorType, message);
    recordResult(reply);
    span().end();
  }

  private void recordResult(String result) {
    span().setAttribute(SpanConventions.GEN_AI_TOOL_CALL_RESULT, result == null ? "" : result);
  }
}
