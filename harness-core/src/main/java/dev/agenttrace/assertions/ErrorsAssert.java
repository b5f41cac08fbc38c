package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceError;

/**
 * Assertions on the errors of a trace (every span with status ERROR), or a selection of them; names are the names
 * of the failed spans. Adds {@link #ofType} and {@link #withMessageContaining}.
 */
public class ErrorsAssert extends AbstractSelectionAssert<ErrorsAssert, TraceError, TraceErrorAssert> {

  public ErrorsAssert(TraceSelection<TraceError> actual) {
    super(actual, ErrorsAssert.class);
  }

  @Override
  protected ErrorsAssert newSelectionAssert(TraceSelection<TraceError> selection) {
    return new ErrorsAssert(selection);
  }

  @Override
  protected TraceErrorAssert newElementAssert(TraceError element) {
    return new TraceErrorAssert(element, trace());
  }

  @Override
  protected Class<TraceErrorAssert> elementAssertType() {
    return TraceErrorAssert.class;
  }

  @Override
  protected Class<TraceError> elementType() {
    return TraceError.class;
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

  static TraceSelection<TraceError> of(AgentTrace trace) {
    return TraceSelection.of(trace, "error", trace.errors(), TraceError::span, error -> error.span().name());
  }
}
