package dev.agenttrace.examples.interop;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.trace.SegmentOutcome.COMPLETED;
import static dev.agenttrace.trace.SegmentOutcome.WAITING;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SpanConventions;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Traces recorded by other instrumentations — here OpenInference, the durable runtime of the product brief, and an
 * in-house framework described by our own table in {@code src/test/resources/META-INF/agenttrace/dialects.json} —
 * are asserted on exactly like AgentTrace's own (docs/dialects.md). The spans are written by hand the way an OTLP
 * import would hand them over.
 */
class DialectsExampleTest {
  private static final String ARGUMENTS = "{\"city\":\"Paris\"}";
  private static final String RESULT = "{\"tempC\":18,\"sky\":\"sunny\"}";

  @Test
  void anOpenInferenceTraceReadsLikeANativeOne() {
    AgentTrace trace = AgentTrace.of(List.of(
        span(1, null, "weather_agent", 0, 100, Attributes.builder().put("openinference.span.kind", "AGENT")
            .put("agent.name", "weather_agent").build()),
        span(2, 1, "ChatCompletion", 5, 20, Attributes.builder().put("openinference.span.kind", "LLM")
            .put("llm.model_name", "gpt-4o").put("llm.provider", "openai")
            .put("llm.token_count.prompt", 25L).put("llm.token_count.completion", 7L)
            .put("llm.input_messages.0.message.role", "user")
            .put("llm.input_messages.0.message.content", "What's the weather in Paris?")
            .put("llm.output_messages.0.message.role", "assistant")
            .put("llm.output_messages.0.message.tool_calls.0.tool_call.id", "call_1")
            .put("llm.output_messages.0.message.tool_calls.0.tool_call.function.name", "get_weather")
            .put("llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments", ARGUMENTS).build()),
        span(3, 1, "get_weather", 25, 60, Attributes.builder().put("openinference.span.kind", "TOOL")
            .put("tool.name", "get_weather").put("input.value", ARGUMENTS).put("output.value", RESULT).build()),
        span(4, 1, "ChatCompletion", 70, 95, Attributes.builder().put("openinference.span.kind", "LLM")
            .put("llm.model_name", "gpt-4o").put("llm.token_count.prompt", 38L).put("llm.token_count.completion", 6L)
            .put("llm.output_messages.0.message.role", "assistant")
            .put("llm.output_messages.0.message.content", "18°C and sunny in Paris.").build())));

    assertThat(trace).hasLlmCallCount(2).hasToolCallCount(1).hasNoErrors()
        .calledTool("get_weather").hasArguments(ARGUMENTS).hasResultValue("$.tempC", "18");
    assertThat(trace).llmCall(0).hasModel("gpt-4o").hasUsage(25, 7)
        .sentMessage(dev.agenttrace.llm.Role.USER, "Paris").requestedTool("get_weather");
    assertThat(trace).llmCall(1).hasOutputText("18°C and sunny in Paris.");
    assertThat(trace.spans().get(1).attribute(SpanConventions.DIALECT)).contains("openinference");
    assertThat(trace.toTreeString()).contains("execute_tool get_weather [{\"city\":\"Paris\"} → "
        + "{\"tempC\":18,\"sky\":\"sunny\"}] 35ms ⟨openinference⟩");
  }

  @Test
  void theDurableRuntimesSegmentsStitchIntoOneExecution() {
    String output = "{\"content\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":7},\"model\":\"gpt-4o\","
        + "\"stop_reason\":\"tool_calls\",\"tool_calls\":[{\"id\":\"call_1\",\"function\":{\"name\":\"get_weather\","
        + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}";
    AgentTrace trace = AgentTrace.of(List.of(
        span(1, null, "agent.weather_agent", 0, 40, Attributes.builder().put("agent.execution_id", "run-7")
            .put("agent.status", "waiting").build(), event("agent.waiting", 30)),
        span(2, 1, "step.llm_generate:1", 5, 20, Attributes.builder().put("step.key", "llm_generate:1")
            .put("step.output", output).build()),
        span(3, 1, "tool.get_weather", 25, 60, Attributes.builder().put("tool.execution_id", "run-8")
            .put("tool.input", ARGUMENTS).put("tool.output", RESULT).build()),
        span(4, null, "agent.weather_agent", 70, 100, Attributes.builder().put("agent.execution_id", "run-7")
            .put("agent.previous_span_id", spanId(1)).put("agent.status", "completed").build(),
            event("agent.resumed", 70)),
        span(5, 4, "step.llm_generate:2", 75, 95, Attributes.builder().put("step.key", "llm_generate:2")
            .put("step.output", "{\"content\":\"18°C and sunny in Paris.\",\"model\":\"gpt-4o\","
                + "\"usage\":{\"input_tokens\":38,\"output_tokens\":6},\"stop_reason\":\"stop\"}").build())));

    assertThat(trace).hasSegmentOutcomes(WAITING, COMPLETED).hasEachSegmentResumingItsPredecessor()
        .hasLlmCallCount(2).calledTool("get_weather").hasArguments(ARGUMENTS);
    assertThat(trace).execution().hasOutcome(COMPLETED);
    assertThat(trace.totalUsage().totalTokens()).isEqualTo(76);
  }

  @Test
  void ourOwnTableTeachesAgentTraceAnInHouseFramework() {
    AgentTrace trace = AgentTrace.of(List.of(
        span(1, null, "model call", 0, 10, Attributes.builder().put("acme.kind", "model_call")
            .put("acme.model", "acme-large").put("acme.tokens.in", 12L).put("acme.tokens.out", 3L).build()),
        span(2, null, "acme.tool:get_weather", 10, 20, Attributes.builder().put("acme.args", ARGUMENTS)
            .put("acme.result", RESULT).build())));

    assertThat(trace).hasLlmCallCount(1).llmCall(0).hasModel("acme-large").hasUsage(12, 3);
    assertThat(trace).calledTool("get_weather").hasArguments(ARGUMENTS).hasResult(RESULT);
  }

  private static SpanData span(int id, Integer parent, String name, long startMillis, long endMillis,
      Attributes attributes, EventData... events) {
    long origin = 1_767_225_600_000_000_000L;
    return TestSpanData.builder()
        .setSpanContext(context(id))
        .setParentSpanContext(parent == null ? SpanContext.getInvalid() : context(parent))
        .setName(name)
        .setKind(SpanKind.INTERNAL)
        .setStartEpochNanos(origin + startMillis * 1_000_000)
        .setEndEpochNanos(origin + endMillis * 1_000_000)
        .setAttributes(attributes)
        .setTotalAttributeCount(attributes.size())
        .setEvents(List.of(events))
        .setTotalRecordedEvents(events.length)
        .setStatus(StatusData.unset())
        .setHasEnded(true)
        .build();
  }

  private static EventData event(String name, long atMillis) {
    return EventData.create(1_767_225_600_000_000_000L + atMillis * 1_000_000, name, Attributes.empty());
  }

  private static SpanContext context(int id) {
    return SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", spanId(id), TraceFlags.getSampled(),
        TraceState.getDefault());
  }

  private static String spanId(int id) {
    return String.format("%016x", id);
  }
}
