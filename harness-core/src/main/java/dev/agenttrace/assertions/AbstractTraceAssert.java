package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import org.assertj.core.api.AbstractAssert;

/**
 * Base of every AgentTrace assertion: knows the trace the asserted value belongs to (to print it, with the span in
 * question marked, when an assertion fails) and how to create the asserts that navigation returns (plain, or soft
 * proxies under {@link SoftAgentTraceAssertions}). Failures carry expected and actual values so IDEs show a diff.
 *
 * @param <SELF> the assertion type, for fluent chaining
 * @param <ACTUAL> the asserted value
 */
public abstract class AbstractTraceAssert<SELF extends AbstractTraceAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {
  private AgentTrace trace;
  private AssertCreator creator = AssertCreator.HARD;

  protected AbstractTraceAssert(ACTUAL actual, AgentTrace trace, Class<?> selfType) {
    super(actual, selfType);
    this.trace = trace;
  }

  /** Ties a (possibly proxied) assert to its trace and navigation mode; called right after construction. */
  void attach(AgentTrace owningTrace, AssertCreator assertCreator) {
    if (owningTrace != null) {
      this.trace = owningTrace;
    }
    this.creator = assertCreator;
  }

  /** The trace the asserted value belongs to; {@code null} when the value was asserted on its own. */
  protected AgentTrace trace() {
    return trace;
  }

  AssertCreator creator() {
    return creator;
  }

  /** Starts a failure message: what was expected. */
  protected FailureMessage expecting(String expectation) {
    return new FailureMessage(expectation, trace);
  }

  /** The failure to throw: the message (never used as a format string) with expected and actual for IDE diffs. */
  protected AssertionError failure(FailureMessage message, Object expected, Object found) {
    return failureWithActualExpected(found, expected, "%s", message.render());
  }

  /** Throws the failure: every assertion method fails through here or through {@link AssertCreator#report}. */
  protected void fail(FailureMessage message, Object expected, Object found) {
    throw failure(message, expected, found);
  }
}
