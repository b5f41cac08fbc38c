package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.LlmCall;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.ToolInvocation;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.InstanceOfAssertFactory;

/**
 * The one static import for asserting on agent traces. Extends AssertJ's {@link Assertions}, so
 * {@code import static dev.agenttrace.assertions.AgentTraceAssertions.*;} gives every AssertJ assertion plus
 * {@code assertThat(AgentTrace)} and the typed assertions on segments, LLM calls and tool invocations.
 *
 * <pre>{@code
 * assertThat(run.trace())
 *     .hasSegmentCount(2)
 *     .hasNoErrors()
 *     .calledTool("get_weather").hasArguments("{\"city\":\"Paris\"}");
 * }</pre>
 */
public class AgentTraceAssertions extends Assertions {

  /** For {@code extracting(...)} / {@code asInstanceOf(...)}: {@code asInstanceOf(AGENT_TRACE).hasSegmentCount(2)}. */
  public static final InstanceOfAssertFactory<AgentTrace, AgentTraceAssert> AGENT_TRACE =
      new InstanceOfAssertFactory<>(AgentTrace.class, AgentTraceAssertions::assertThat);
  public static final InstanceOfAssertFactory<Segment, SegmentAssert> SEGMENT =
      new InstanceOfAssertFactory<>(Segment.class, AgentTraceAssertions::assertThat);
  public static final InstanceOfAssertFactory<LlmCall, LlmCallAssert> LLM_CALL =
      new InstanceOfAssertFactory<>(LlmCall.class, AgentTraceAssertions::assertThat);
  public static final InstanceOfAssertFactory<ToolInvocation, ToolInvocationAssert> TOOL_INVOCATION =
      new InstanceOfAssertFactory<>(ToolInvocation.class, AgentTraceAssertions::assertThat);

  protected AgentTraceAssertions() {}

  public static AgentTraceAssert assertThat(AgentTrace actual) {
    return new AgentTraceAssert(actual);
  }

  public static SegmentAssert assertThat(Segment actual) {
    return new SegmentAssert(actual, null);
  }

  public static LlmCallAssert assertThat(LlmCall actual) {
    return new LlmCallAssert(actual, null);
  }

  public static ToolInvocationAssert assertThat(ToolInvocation actual) {
    return new ToolInvocationAssert(actual, null);
  }
}
