package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import java.util.Arrays;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.MessageFormatter;
import org.assertj.core.internal.Failures;

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

  /**
   * {@code check}, run on behalf of this assert: it fails with this assert's description and overriding message,
   * thrown (for soft assertions to collect from this assert), and prints this assert's trace.
   */
  <A extends AbstractTraceAssert<A, ?>> A delegate(A check) {
    check.attach(trace, creator.hardened());
    check.info = info;
    return check;
  }

  /** Starts a failure message: what was expected. */
  protected FailureMessage expecting(String expectation) {
    return new FailureMessage(expectation, trace);
  }

  /**
   * The failure to throw, as a {@link TraceAssertionError} with expected and actual for IDE diffs. It honours the
   * assert's description ({@code as(...)}) and {@code withFailMessage(...)}, and its stack trace starts in the test,
   * as AssertJ's own failures do.
   */
  protected TraceAssertionError failure(FailureMessage message, Object expected, Object found) {
    String prefix = MessageFormatter.instance().format(info.description(), info.representation(), "");
    TraceAssertionError error = new TraceAssertionError(message, expected, found, prefix,
        info.overridingErrorMessage(), creator.collectsSoftly());
    Failures failures = Failures.instance();
    failures.removeAssertJRelatedElementsFromStackTraceIfNeeded(error);
    if (failures.isRemoveAssertJRelatedElementsFromStackTrace()) {
      error.setStackTrace(Arrays.stream(error.getStackTrace()).filter(element -> !isAssertionFrame(element))
          .toArray(StackTraceElement[]::new));
    }
    return error;
  }

  /** A frame of this assert, or of any AgentTrace assert it delegated to (or a soft proxy of one). */
  private boolean isAssertionFrame(StackTraceElement element) {
    if (isElementOfCustomAssert(element)) {
      return true;
    }
    String name = element.getClassName();
    if (!name.startsWith(AbstractTraceAssert.class.getPackageName() + ".")) {
      return false;
    }
    int proxy = name.indexOf("$ByteBuddy$");
    try {
      Class<?> type = Class.forName(proxy < 0 ? name : name.substring(0, proxy), false,
          AbstractTraceAssert.class.getClassLoader());
      return AbstractTraceAssert.class.isAssignableFrom(type) || type == AssertCreator.class;
    } catch (ClassNotFoundException | LinkageError notOurs) {
      return false;
    }
  }

  /** Throws the failure: every assertion method fails through here or through {@link AssertCreator#report}. */
  protected void fail(FailureMessage message, Object expected, Object found) {
    throw failure(message, expected, found);
  }
}
