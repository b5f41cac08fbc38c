package dev.agenttrace.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * The span of one operation inside a segment — a chat, a tool call or a step — being written: it ends either with
 * its result (each kind's {@code end}) or with an error ({@link #fail}).
 */
public abstract sealed class OperationSpan extends WrittenSpan permits ChatSpan, ToolSpan, StepSpan {
  OperationSpan(Span span, Context parent) {
    super(span, parent);
  }

  /** Records {@code error} (an {@code LlmException}'s own type, else its class name) and ends the span. */
  public final void fail(Throwable error) {
    fail(error, errorTypeOf(error));
  }

  /** Records {@code error} with the given {@code error.type} and ends the span. */
  public final void fail(Throwable error, String errorType) {
    markError(error, errorType);
    span().end();
  }
}
