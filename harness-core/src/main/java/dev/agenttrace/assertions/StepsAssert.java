package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Step;
import java.util.Objects;

/**
 * Assertions on the journaled steps of a trace, or a selection of them; names are step names. On replay a step
 * makes no span, so counts show what really ran. Adds {@link #withKey}.
 */
public class StepsAssert extends AbstractSelectionAssert<StepsAssert, Step, StepAssert> {

  /** What this assert selects and which asserts it makes; also behind {@code AgentTraceAssertions}' factory. */
  static final SelectionKind<StepsAssert, Step, StepAssert> KIND =
      new SelectionKind<>("step", StepsAssert.class, StepsAssert::new, Step.class, StepAssert.class, StepAssert::new,
          AgentTrace::steps, Step::span, Step::name);

  public StepsAssert(TraceSelection<Step> actual) {
    super(actual, KIND);
  }

  /** Steps stored under this journal key. */
  public StepsAssert withKey(String key) {
    return where(new Criterion<>("with key " + Values.quoted(key), "key", key,
        step -> Objects.equals(step.key().orElse(null), key), step -> step.key().orElse("(none)")));
  }
}
