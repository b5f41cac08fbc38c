package dev.agenttrace.assertions;

import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.runtime.CrashExplorationResult;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Execution;
import dev.agenttrace.trace.LlmCall;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.Step;
import dev.agenttrace.trace.ToolInvocation;
import dev.agenttrace.trace.TraceError;
import dev.agenttrace.trace.TraceSpan;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.InstanceOfAssertFactory;

/**
 * The one static import for asserting on agent traces. Extends AssertJ's {@link Assertions}, so
 * {@code import static dev.agenttrace.assertions.AgentTraceAssertions.*;} gives every AssertJ assertion plus
 * {@code assertThat(AgentTrace)} and the typed assertions on each trace element, and an
 * {@link InstanceOfAssertFactory} per assert type for {@code asInstanceOf(...)} / {@code extracting(...)}.
 *
 * <pre>{@code
 * assertThat(run.trace())
 *     .hasSegmentCount(2)
 *     .hasNoErrors()
 *     .toolCalls().named("get_*").first().hasArgumentsContainingJson("{\"city\":\"Paris\"}");
 * }</pre>
 */
public class AgentTraceAssertions extends Assertions {

  /** For {@code extracting(...)} / {@code asInstanceOf(...)}: {@code asInstanceOf(AGENT_TRACE).hasSegmentCount(2)}. */
  public static final InstanceOfAssertFactory<AgentTrace, AgentTraceAssert> AGENT_TRACE =
      new InstanceOfAssertFactory<>(AgentTrace.class, AgentTraceAssertions::assertThat);
  public static final InstanceOfAssertFactory<Execution, ExecutionAssert> EXECUTION =
      new InstanceOfAssertFactory<>(Execution.class, AgentTraceAssertions::assertThat);
  public static final InstanceOfAssertFactory<Segment, SegmentAssert> SEGMENT =
      new InstanceOfAssertFactory<>(Segment.class, AgentTraceAssertions::assertThat);
  public static final InstanceOfAssertFactory<LlmCall, LlmCallAssert> LLM_CALL =
      new InstanceOfAssertFactory<>(LlmCall.class, AgentTraceAssertions::assertThat);
  public static final InstanceOfAssertFactory<ToolInvocation, ToolInvocationAssert> TOOL_INVOCATION =
      new InstanceOfAssertFactory<>(ToolInvocation.class, AgentTraceAssertions::assertThat);
  public static final InstanceOfAssertFactory<Step, StepAssert> STEP =
      new InstanceOfAssertFactory<>(Step.class, AgentTraceAssertions::assertThat);
  public static final InstanceOfAssertFactory<TraceSpan, SpanAssert> TRACE_SPAN =
      new InstanceOfAssertFactory<>(TraceSpan.class, AgentTraceAssertions::assertThat);
  public static final InstanceOfAssertFactory<TraceError, TraceErrorAssert> TRACE_ERROR =
      new InstanceOfAssertFactory<>(TraceError.class, AgentTraceAssertions::assertThat);
  /** For a {@link TraceSelection} of tool calls, e.g. one extracted from a custom helper. */
  public static final InstanceOfAssertFactory<TraceSelection<ToolInvocation>, ToolCallsAssert> TOOL_CALLS =
      ToolCallsAssert.KIND.assertFactory();
  /** For a {@link TraceSelection} of LLM calls. */
  public static final InstanceOfAssertFactory<TraceSelection<LlmCall>, LlmCallsAssert> LLM_CALLS =
      LlmCallsAssert.KIND.assertFactory();
  /** For a {@link TraceSelection} of segments. */
  public static final InstanceOfAssertFactory<TraceSelection<Segment>, SegmentsAssert> SEGMENTS =
      SegmentsAssert.KIND.assertFactory();
  /** For a {@link TraceSelection} of steps. */
  public static final InstanceOfAssertFactory<TraceSelection<Step>, StepsAssert> STEPS =
      StepsAssert.KIND.assertFactory();
  /** For a {@link TraceSelection} of executions. */
  public static final InstanceOfAssertFactory<TraceSelection<Execution>, ExecutionsAssert> EXECUTIONS =
      ExecutionsAssert.KIND.assertFactory();
  /** For a {@link TraceSelection} of errors. */
  public static final InstanceOfAssertFactory<TraceSelection<TraceError>, ErrorsAssert> ERRORS =
      ErrorsAssert.KIND.assertFactory();
  /** For a {@link TraceSelection} of arbitrary spans (the trajectory too). */
  public static final InstanceOfAssertFactory<TraceSelection<TraceSpan>, SpansAssert> SPANS =
      SpansAssert.KIND.assertFactory();

  protected AgentTraceAssertions() {}

  public static AgentTraceAssert assertThat(AgentTrace actual) {
    return new AgentTraceAssert(actual);
  }

  public static ExecutionAssert assertThat(Execution actual) {
    return new ExecutionAssert(actual);
  }

  public static SegmentAssert assertThat(Segment actual) {
    return new SegmentAssert(actual);
  }

  public static LlmCallAssert assertThat(LlmCall actual) {
    return new LlmCallAssert(actual);
  }

  public static ToolInvocationAssert assertThat(ToolInvocation actual) {
    return new ToolInvocationAssert(actual);
  }

  public static StepAssert assertThat(Step actual) {
    return new StepAssert(actual);
  }

  public static SpanAssert assertThat(TraceSpan actual) {
    return new SpanAssert(actual);
  }

  public static TraceErrorAssert assertThat(TraceError actual) {
    return new TraceErrorAssert(actual);
  }

  /** Durability of one run: waits resumed once, nothing executed twice, approvals, wait times, children. */
  public static DurabilityAssert assertThat(AgentRun<?> actual) {
    return new DurabilityAssert(actual);
  }

  /** Crash exploration of agents on this harness: {@code survivesCrashesAtEveryPoint(agent, input)}. */
  public static HarnessAssert assertThat(AgentHarness actual) {
    return new HarnessAssert(actual);
  }

  /** What a crash exploration found: {@code recoveredAtEveryPoint()}, {@code hasCrashPointCount(n)}. */
  public static CrashExplorationAssert assertThat(CrashExplorationResult actual) {
    return new CrashExplorationAssert(actual);
  }
}
