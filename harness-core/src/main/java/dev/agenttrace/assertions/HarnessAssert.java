package dev.agenttrace.assertions;

import dev.agenttrace.runtime.Agent;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.CrashExploration;
import dev.agenttrace.runtime.CrashExplorationResult;
import java.util.function.UnaryOperator;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an {@link AgentHarness}: that an agent run on it survives a crash at every point.
 *
 * <pre>{@code
 * assertThat(harness).survivesCrashesAtEveryPoint(new WeatherAgent(), "What's the weather in Paris?");
 * assertThat(harness).survivesCrashesAtEveryPoint(new RefundAgent(), complaint, crash -> crash.approving("refund"));
 * }</pre>
 */
public class HarnessAssert extends AbstractAssert<HarnessAssert, AgentHarness> {
  private CrashExplorationResult lastExploration;

  public HarnessAssert(AgentHarness actual) {
    super(actual, HarnessAssert.class);
  }

  /**
   * Runs {@link CrashExploration} for {@code agent} on {@code input}: every crash point recovers to the same output,
   * executes nothing twice and leaves a trace with the same work.
   */
  public <I, O> HarnessAssert survivesCrashesAtEveryPoint(Agent<I, O> agent, I input) {
    return survivesCrashesAtEveryPoint(agent, input, UnaryOperator.identity());
  }

  /** {@link #survivesCrashesAtEveryPoint(Agent, Object)} with the exploration configured (approvals, events, effects). */
  public <I, O> HarnessAssert survivesCrashesAtEveryPoint(Agent<I, O> agent, I input,
      UnaryOperator<CrashExploration<I, O>> configure) {
    isNotNull();
    CrashExplorationResult result = configure.apply(CrashExploration.of(actual, agent, input)).explore();
    lastExploration = result;
    if (!result.allRecovered()) {
      failWithMessage("%s", result.describe());
    }
    return this;
  }

  /** What the last {@code survivesCrashesAtEveryPoint} found (its crash points), for further assertions. */
  public CrashExplorationResult exploration() {
    if (lastExploration == null) {
      throw new IllegalStateException("Call survivesCrashesAtEveryPoint(...) first.");
    }
    return lastExploration;
  }
}
