package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Execution;
import dev.agenttrace.trace.LlmCall;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.Step;
import dev.agenttrace.trace.ToolInvocation;
import dev.agenttrace.trace.TraceError;
import dev.agenttrace.trace.TraceSpan;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Soft assertions on agent traces: every failure of a test is collected, and reported together by
 * {@link #assertAll()}, instead of stopping at the first. Navigation stays soft along a whole chain
 * ({@code softly.assertThat(trace).toolCalls().named("x").first().hasArguments(...)}); a navigation that finds
 * nothing is collected too, and the assertions after it then fail on a missing value.
 *
 * <pre>{@code
 * SoftAgentTraceAssertions.assertSoftly(softly -> {
 *   softly.assertThat(trace).hasSegmentCount(2);
 *   softly.assertThat(trace).toolCalls().containsExactly("get_weather");
 * });
 * }</pre>
 *
 * With JUnit 5 use AssertJ's {@code SoftAssertionsExtension}:
 * {@code @ExtendWith(SoftAssertionsExtension.class)} and a field or parameter
 * {@code @InjectSoftAssertions SoftAgentTraceAssertions softly}.
 */
public class SoftAgentTraceAssertions extends AbstractSoftAssertions {
  private final AssertCreator creator = AssertCreator.softlyCollectingInto(this);

  public SoftAgentTraceAssertions() {}

  /** Runs {@code assertions} softly, then fails with every collected failure. */
  public static void assertSoftly(Consumer<SoftAgentTraceAssertions> assertions) {
    SoftAssertionsProvider.assertSoftly(SoftAgentTraceAssertions.class, assertions);
  }

  public AgentTraceAssert assertThat(AgentTrace actual) {
    return creator.create(AgentTraceAssert.class, AgentTrace.class, actual, actual,
        () -> new AgentTraceAssert(actual));
  }

  public ExecutionAssert assertThat(Execution actual) {
    return creator.create(ExecutionAssert.class, Execution.class, actual, null, () -> new ExecutionAssert(actual));
  }

  public SegmentAssert assertThat(Segment actual) {
    return creator.create(SegmentAssert.class, Segment.class, actual, null, () -> new SegmentAssert(actual));
  }

  public LlmCallAssert assertThat(LlmCall actual) {
    return creator.create(LlmCallAssert.class, LlmCall.class, actual, null, () -> new LlmCallAssert(actual));
  }

  public ToolInvocationAssert assertThat(ToolInvocation actual) {
    return creator.create(ToolInvocationAssert.class, ToolInvocation.class, actual, null,
        () -> new ToolInvocationAssert(actual));
  }

  public StepAssert assertThat(Step actual) {
    return creator.create(StepAssert.class, Step.class, actual, null, () -> new StepAssert(actual));
  }

  public SpanAssert assertThat(TraceSpan actual) {
    return creator.create(SpanAssert.class, TraceSpan.class, actual, null, () -> new SpanAssert(actual));
  }

  public TraceErrorAssert assertThat(TraceError actual) {
    return creator.create(TraceErrorAssert.class, TraceError.class, actual, null, () -> new TraceErrorAssert(actual));
  }
}
