package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import org.assertj.core.api.AbstractAssert;

/**
 * Base of the assertions on one element of a trace (segment, LLM call, tool invocation): keeps the whole trace, when
 * known, so failures can print it with the element marked.
 *
 * @param <SELF> the assertion type, for fluent chaining
 * @param <ACTUAL> the element type
 */
public abstract class AbstractTraceElementAssert<SELF extends AbstractTraceElementAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {

  /** The trace the element belongs to; {@code null} when the element was asserted on its own. */
  protected final AgentTrace trace;

  protected AbstractTraceElementAssert(ACTUAL actual, AgentTrace trace, Class<?> selfType) {
    super(actual, selfType);
    this.trace = trace;
  }

  /** The span id of the element, used to mark it in the printed trace. */
  protected abstract String spanId();

  /** Fails with expected vs actual and the trace with this element marked. */
  protected SELF failWith(String expectation, Object expected, Object found, String foundDescription) {
    throw failureWithActualExpected(found, expected, "%s",
        TraceFailures.message(expectation, foundDescription, trace, spanId()));
  }
}
