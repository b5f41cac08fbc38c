package dev.agenttrace.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * A {@code step {name}} span being written: {@link #end(Object)} records the step's result (text, number and
 * boolean as they are, anything else as JSON), {@link #fail} its error. Started by {@link SpanWriter#startStep}.
 */
public final class StepSpan extends OperationSpan {
  private static final ObjectMapper JSON = new ObjectMapper();

  StepSpan(Span span, Context parent) {
    super(span, parent);
  }

  /** Records the result and ends the span. */
  public void end(Object result) {
    if (span().isRecording()) {
      span().setAttribute(SpanConventions.STEP_RESULT, render(result));
    }
    span().end();
  }

  /** How a step result is recorded: text, numbers and booleans as they are, {@code null} as "null", else JSON. */
  static String render(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException | RuntimeException notSerializable) {
      return String.valueOf(value);
    }
  }
}
