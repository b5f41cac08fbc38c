package dev.agenttrace.trace;

import dev.agenttrace.llm.LlmException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;

/**
 * A convention span started by {@link SpanWriter}, still being written: the span, the context to run its children
 * in, and how a failure is recorded (status ERROR, {@code error.type} and the standard {@code exception} event).
 * The code that started it ends it through its handle.
 */
public abstract sealed class WrittenSpan permits SegmentSpan, OperationSpan {
  private final Span span;
  private final Context context;

  WrittenSpan(Span span, Context parent) {
    this.span = span;
    this.context = parent.with(span);
  }

  /** The OpenTelemetry span, e.g. to read its {@code SpanContext}. */
  public final Span span() {
    return span;
  }

  /** The parent context with this span in it: make it current, or start children under it. */
  public final Context context() {
    return context;
  }

  /** Marks the span failed per the OpenTelemetry error conventions, without ending it. */
  final void markError(Throwable error, String errorType) {
    span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
    span.setAttribute(SpanConventions.ERROR_TYPE, errorType);
    span.recordException(error);
  }

  /** Marks the span failed with an {@code error.type} and message only, when no exception is at hand. */
  final void markError(String errorType, String message) {
    span.setStatus(StatusCode.ERROR, message == null ? "" : message);
    span.setAttribute(SpanConventions.ERROR_TYPE, errorType);
  }

  /** The {@code error.type} of a failure: an {@link LlmException}'s own type, else the exception's class name. */
  static String errorTypeOf(Throwable error) {
    return error instanceof LlmException llmError ? llmError.errorType() : error.getClass().getName();
  }
}
