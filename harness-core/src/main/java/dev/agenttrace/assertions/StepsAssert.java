package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Step;
import java.util.Objects;

/**
 * Assertions on the journaled steps of a trace, or a selection of them; names are step names. On replay a step
 * makes no span, so counts show what really ran. Adds {@link #withKey}.
 */
public class StepsAssert extends AbstractSelectionAssert<StepsAssert, Step, StepAssert> {

  public StepsAssert(TraceSelection<Step> actual) {
    super(actual, StepsAssert.class);
  }

  @Override
  protected StepsAssert newSelectionAssert(TraceSelection<Step> selection) {
    return new StepsAssert(selection);
  }

  @Override
  protected StepAssert newElementAssert(Step element) {
    return new StepAssert(element, trace());
  }

  @Override
  protected Class<StepAssert> elementAssertType() {
    return StepAssert.class;
  }

  @Override
  protected Class<Step> elementType() {
    return Step.class;
  }

  /** Steps stored under this journal key. */
  public StepsAssert withKey(String key) {
    return where(new Criterion<>("with key " + Values.quoted(key), "key", key,
        step -> Objects.equals(step.key().orElse(null), key), step -> step.key().orElse("(none)")));
  }

  static TraceSelection<Step> of(AgentTrace trace) {
    return TraceSelection.of(trace, "step", trace.steps(), Step::span, Step::name);
  }
}
