package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SpanCategory;
import dev.agenttrace.trace.TraceSpan;

/** Assertions on any span of the trace: name, category, parent, attributes, duration, error. */
public class SpanAssert extends AbstractTraceElementAssert<SpanAssert, TraceSpan> {

  public SpanAssert(TraceSpan actual) {
    this(actual, null);
  }

  public SpanAssert(TraceSpan actual, AgentTrace trace) {
    super(actual, trace, SpanAssert.class);
  }

  @Override
  protected TraceSpan span() {
    return actual;
  }

  @Override
  protected String describe() {
    return "span '" + actual.name() + "'";
  }

  /** The span's name matches {@code expected}, a glob ({@code *}, {@code ?}; without them, exactly). */
  public SpanAssert hasName(String expected) {
    isNotNull();
    if (!Glob.of(expected).matches(actual.name())) {
      failWith("the span to be named " + Values.quoted(expected), expected, actual.name(),
          "it is " + Values.quoted(actual.name()));
    }
    return this;
  }

  public SpanAssert hasCategory(SpanCategory expected) {
    isNotNull();
    if (actual.category() != expected) {
      failWith(describe() + " to be a " + expected, expected, actual.category(), "it is a " + actual.category());
    }
    return this;
  }

  /** The span's parent is named {@code parentName} (glob). */
  public SpanAssert hasParentNamed(String parentName) {
    isNotNull();
    String parent = trace() == null ? null : trace().parentOf(actual).map(TraceSpan::name).orElse(null);
    if (parent == null || !Glob.of(parentName).matches(parent)) {
      failWith(describe() + " to be a child of " + Values.quoted(parentName), parentName, parent,
          parent == null ? "it has no parent in the trace" : "its parent is " + Values.quoted(parent));
    }
    return this;
  }
}
