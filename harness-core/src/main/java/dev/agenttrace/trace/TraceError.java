package dev.agenttrace.trace;

import io.opentelemetry.api.common.Attributes;
import java.util.Objects;
import java.util.Optional;

/**
 * An error recorded on a span (status ERROR): what went wrong, as assertions and failure messages need it. The type
 * is {@code error.type}, else the {@code exception.type} of the span's last {@code exception} event; the message is
 * that event's {@code exception.message}, else the status description.
 *
 * @param span the span that failed
 * @param type the error type; {@code "_OTHER"} when the span names none (the semantic conventions' fallback)
 * @param message the error message; empty when unknown
 * @param stackTrace the recorded stack trace; empty when none was recorded
 */
public record TraceError(TraceSpan span, String type, String message, String stackTrace) {
  /** The type used when a failed span names no type, as in the OpenTelemetry error conventions. */
  public static final String UNKNOWN_TYPE = "_OTHER";

  public TraceError {
    Objects.requireNonNull(span, "span");
    type = type == null || type.isBlank() ? UNKNOWN_TYPE : type;
    message = message == null ? "" : message;
    stackTrace = stackTrace == null ? "" : stackTrace;
  }

  /** The error of {@code span}, empty when its status is not ERROR. */
  public static Optional<TraceError> of(TraceSpan span) {
    if (!span.isError()) {
      return Optional.empty();
    }
    Attributes exception = span.lastEvent(SpanConventions.EVENT_EXCEPTION)
        .map(event -> event.getAttributes())
        .orElse(Attributes.empty());
    String type = span.attribute(SpanConventions.ERROR_TYPE)
        .orElse(exception.get(SpanConventions.EXCEPTION_TYPE));
    String message = exception.get(SpanConventions.EXCEPTION_MESSAGE);
    if (message == null || message.isEmpty()) {
      message = span.statusDescription();
    }
    return Optional.of(new TraceError(span, type, message, exception.get(SpanConventions.EXCEPTION_STACKTRACE)));
  }

  /** {@code "Type: message"}, or just the type when there is no message. */
  public String summary() {
    return message.isEmpty() ? type : type + ": " + message;
  }
}
