package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceError;
import dev.agenttrace.trace.TraceSpan;
import dev.agenttrace.trace.TraceText;
import io.opentelemetry.api.common.AttributeKey;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Base of the assertions on one element of a trace that has a span (segment, LLM call, tool invocation, step,
 * span): keeps the whole trace, when known, so failures print it with the element marked, and offers what every
 * span has — attributes, duration, error.
 *
 * @param <SELF> the assertion type, for fluent chaining
 * @param <ACTUAL> the element type
 */
public abstract class AbstractTraceElementAssert<SELF extends AbstractTraceElementAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractTraceAssert<SELF, ACTUAL> {

  protected AbstractTraceElementAssert(ACTUAL actual, AgentTrace trace, Class<?> selfType) {
    super(actual, trace, selfType);
  }

  /** The span of the element. */
  protected abstract TraceSpan span();

  /** What the element is called in failures, e.g. {@code tool 'get_weather'}. */
  protected abstract String describe();

  /** The span id of the element, used to mark it in the printed trace. */
  protected String spanId() {
    return span().spanId();
  }

  /** Fails with expected vs actual and the trace with this element marked. */
  protected SELF failWith(String expectation, Object expected, Object found, String foundDescription) {
    throw failure(expecting(expectation).but(foundDescription).marking(spanId()), expected, found);
  }

  /** The element's span carries the attribute with this value. */
  public <T> SELF hasAttribute(AttributeKey<T> key, T expected) {
    isNotNull();
    T value = span().attributes().get(key);
    if (!Objects.equals(value, expected)) {
      failWith(describe() + " to have " + key.getKey() + " = " + Values.show(String.valueOf(expected)), expected,
          value, value == null ? "it has no " + key.getKey() : "it has " + Values.show(String.valueOf(value)));
    }
    return myself;
  }

  /** The element's span carries the attribute with a value meeting the condition. */
  public <T> SELF hasAttributeSatisfying(AttributeKey<T> key, Predicate<? super T> condition) {
    isNotNull();
    T value = span().attributes().get(key);
    if (value == null || !condition.test(value)) {
      failWith(describe() + " to have " + key.getKey() + " satisfying the condition", "a value satisfying it", value,
          value == null ? "it has no " + key.getKey() : "it has " + Values.show(String.valueOf(value)));
    }
    return myself;
  }

  /** The element took less than {@code limit}. */
  public SELF hasDurationLessThan(Duration limit) {
    isNotNull();
    Duration duration = span().duration();
    if (duration.compareTo(limit) >= 0) {
      failWith(describe() + " to take less than " + TraceText.duration(limit), limit, duration,
          "it took " + TraceText.duration(duration));
    }
    return myself;
  }

  /** The element failed; continues with assertions on its error (type, message, cause chain). */
  public TraceErrorAssert error() {
    isNotNull();
    TraceError error = TraceError.of(span()).orElse(null);
    if (error == null) {
      creator().report(failure(expecting(describe() + " to have failed").but("it succeeded").marking(spanId()),
          "an error", "no error"));
    }
    return creator().create(TraceErrorAssert.class, TraceError.class, error, trace(),
        () -> new TraceErrorAssert(error, trace()));
  }

  /** The element did not fail. */
  public SELF succeeded() {
    isNotNull();
    TraceError.of(span()).ifPresent(error -> failWith(describe() + " to succeed", "no error", error.summary(),
        "it failed with " + Values.show(error.summary())));
    return myself;
  }

  /** The element failed with an error of this type (the exception class name or provider error code). */
  public SELF failedWith(String errorType) {
    isNotNull();
    TraceError error = TraceError.of(span()).orElse(null);
    String type = error == null ? null : error.type();
    if (!errorType.equals(type)) {
      failWith(describe() + " to fail with " + errorType, errorType, type,
          error == null ? "it succeeded" : "it failed with " + Values.show(error.summary()));
    }
    return myself;
  }
}
