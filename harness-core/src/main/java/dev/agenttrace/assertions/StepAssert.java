package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Step;
import dev.agenttrace.trace.TraceSpan;

/** Assertions on one journaled workflow step: its name, journal key, recorded result, duration and error. */
public class StepAssert extends AbstractTraceElementAssert<StepAssert, Step> {

  public StepAssert(Step actual) {
    this(actual, null);
  }

  public StepAssert(Step actual, AgentTrace trace) {
    super(actual, trace, StepAssert.class);
  }

  @Override
  protected TraceSpan span() {
    return actual.span();
  }

  @Override
  protected String describe() {
    return "step '" + actual.name() + "'";
  }

  public StepAssert hasKey(String expected) {
    isNotNull();
    String key = actual.key().orElse(null);
    if (!expected.equals(key)) {
      failWith(describe() + " to have journal key " + Values.quoted(expected), expected, key,
          "it has " + Values.quoted(key));
    }
    return this;
  }

  /** The recorded result equals {@code expected} (as JSON when both are JSON). */
  public StepAssert hasResult(String expected) {
    isNotNull();
    String result = actual.result().orElse("");
    if (!JsonText.equivalent(result, expected)) {
      failWith(describe() + " to return " + Values.quoted(expected), expected, result,
          "it returned " + Values.quoted(result));
    }
    return this;
  }
}
