package dev.agenttrace.assertions;

import dev.agenttrace.runtime.Agent;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.runtime.CrashExploration;
import dev.agenttrace.runtime.CrashExplorationResult;
import java.util.function.UnaryOperator;

/**
 * Assertions on an {@link AgentHarness}: that an agent run on it survives a crash at every point. Failures are those
 * of {@link CrashExplorationAssert#recoveredAtEveryPoint()}.
 *
 * <pre>{@code
 * assertThat(harness).survivesCrashesAtEveryPoint(new WeatherAgent(), "What's the weather in Paris?");
 * assertThat(harness).survivesCrashesAtEveryPoint(new RefundAgent(), complaint, crash -> crash.approving("refund"));
 * assertThat(harness).survivesCrashesLike(finishedRun);
 * }</pre>
 */
public class HarnessAssert extends AbstractTraceAssert<HarnessAssert, AgentHarness> {
  private CrashExplorationResult lastExploration;

  public HarnessAssert(AgentHarness actual) {
    super(actual, null, HarnessAssert.class);
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
    return explored(configure.apply(CrashExploration.of(actual, agent, input)).explore());
  }

  /**
   * Explores the agent and input of a finished {@code run} on this harness, answering approvals and events as the
   * run's journal says they were answered ({@link CrashExploration#like}).
   */
  public HarnessAssert survivesCrashesLike(AgentRun<?> run) {
    isNotNull();
    return explored(CrashExploration.like(actual, run).explore());
  }

  /** What the last exploration found (its crash points), for further assertions. */
  public CrashExplorationResult exploration() {
    if (lastExploration == null) {
      throw new IllegalStateException("Call survivesCrashesAtEveryPoint(...) or survivesCrashesLike(...) first.");
    }
    return lastExploration;
  }

  private HarnessAssert explored(CrashExplorationResult result) {
    lastExploration = result;
    delegate(new CrashExplorationAssert(result)).recoveredAtEveryPoint();
    return this;
  }
}
