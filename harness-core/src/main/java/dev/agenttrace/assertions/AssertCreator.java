package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Creates the assert objects that navigation returns ({@code toolCalls()}, {@code first()}, {@code segment(1)} ...)
 * and decides what a failed navigation does. Plain assertions construct them directly and throw; soft assertions
 * let the {@link SoftAssertionsProvider} proxy them and collect the failure, so a whole chain stays soft.
 */
final class AssertCreator {
  static final AssertCreator HARD = new AssertCreator(null, false);

  private final SoftAssertionsProvider soft;
  private final boolean withinSoft;

  private AssertCreator(SoftAssertionsProvider soft, boolean withinSoft) {
    this.soft = soft;
    this.withinSoft = withinSoft;
  }

  static AssertCreator softlyCollectingInto(SoftAssertionsProvider soft) {
    return new AssertCreator(soft, true);
  }

  /**
   * A creator of plain asserts for a check inside a (possibly soft) assertion: its failures are thrown, for the
   * enclosing soft assertion to collect, and remembered as soft failures.
   */
  AssertCreator hardened() {
    return new AssertCreator(null, withinSoft);
  }

  /** Whether the failures end up collected by soft assertions rather than thrown at the test. */
  boolean collectsSoftly() {
    return withinSoft;
  }

  /** A new assert on {@code actual}, tied to {@code trace}; a soft proxy when this creator is soft. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  <A extends AbstractTraceAssert<?, ?>> A create(Class<A> assertType, Class<?> actualType, Object actual,
      AgentTrace trace, Supplier<A> hardConstructor) {
    A created = soft == null ? hardConstructor.get() : (A) soft.proxy((Class) assertType, (Class) actualType, actual);
    created.attach(trace, this);
    return created;
  }

  /** Throws {@code error}, or collects it when soft. */
  void report(AssertionError error) {
    if (soft == null) {
      throw error;
    }
    soft.collectAssertionError(error);
  }
}
