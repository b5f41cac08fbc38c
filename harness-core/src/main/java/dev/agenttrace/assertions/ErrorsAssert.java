package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceError;

/**
 * Assertions on the errors of a trace (every span with status ERROR), or a selection of them; names are the names
 * of the failed spans. Adds {@link #ofType} and {@link #withMessageContaining}.
 */
public class ErrorsAssert extends AbstractSelectionAssert<ErrorsAssert, TraceError, TraceErrorAssert> {

  /** What this assert selects and which asserts it makes; also behind {@code AgentTraceAssertions}' factory. */
  static final SelectionKind<ErrorsAssert, TraceError, TraceErrorAssert> KIND =
      new SelectionKind<>("error", ErrorsAssert.class, ErrorsAssert::new, TraceError.class, TraceErrorAssert.class,
          TraceErrorAssert::new, AgentTrace::errors, TraceError::span, error -> error.span().name());

  public ErrorsAssert(TraceSelection<TraceError> actual) {
    super(actual, KIND);
  }

  /** Errors whose type matches the glob. */
  public ErrorsAssert ofType(String typeGlob) {
    Glob glob = Glob.of(typeGlob);
    return where(new Criterion<>("of type " + Values.quoted(typeGlob), "type", typeGlob,
        error -> glob.matches(error.type()), TraceError::type));
  }

  public ErrorsAssert withMessageContaining(String fragment) {
    return where(new Criterion<>("with a message containing " + Values.quoted(fragment), "message", fragment,
        error -> error.message().contains(fragment), TraceError::message));
  }
}
