package dev.agenttrace.trace;

import static dev.agenttrace.trace.SpanConventions.*;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.GenAiJson;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.llm.Usage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.time.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Produces spans the way AgentTrace's durable runtime does (following {@link SpanConventions}) through a real SDK
 * ({@link TraceCapture}) on a test clock, so tests of the model read realistic data.
 */
final class TraceFixtures {
  static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  static final ToolDefinition GET_WEATHER =
      ToolDefinition.of("get_weather", "Current weather", "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
  static final ToolCall PARIS_CALL = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");

  final TestClock clock = TestClock.create(Instant.parse("2026-01-01T00:00:00Z"));
  final TraceCapture capture = TraceCapture.builder().clock(clock).build();
  final Tracer tracer = capture.tracer("test");

  /** The brief's weather agent: segment 0 asks for get_weather and waits, segment 1 answers. */
  AgentTrace weatherTrace(boolean withExecutionId, boolean withPreviousAttribute) {
    return capture.withRootTraceId(TRACE_ID, () -> {
      Span segment0 = segment("weather", 0, withExecutionId ? "exec-1" : null, null, withPreviousAttribute).startSpan();
      Span chat0 = child(segment0, chatSpanName("gpt-4o"), SpanKind.CLIENT).startSpan();
      List<Message> conversation = List.of(Message.system("You are a weather bot"), Message.user("Weather in Paris?"));
      recordChat(chat0, conversation,
          new ChatResponse("resp-1", "gpt-4o-2024-08-06", Message.assistant("", List.of(PARIS_CALL)),
              FinishReason.TOOL_CALL, Usage.of(12, 5)));
      advance(3);
      chat0.end();
      Span tool = child(segment0, toolSpanName("get_weather"), SpanKind.INTERNAL)
          .setAttribute(GEN_AI_OPERATION_NAME, OP_EXECUTE_TOOL)
          .setAttribute(GEN_AI_TOOL_NAME, "get_weather")
          .setAttribute(GEN_AI_TOOL_CALL_ID, "call_1")
          .setAttribute(GEN_AI_TOOL_CALL_ARGUMENTS, PARIS_CALL.arguments())
          .startSpan();
      segment0.addEvent(EVENT_WAIT, Attributes.builder()
          .put(WAIT_KIND, "tool").put(WAIT_KEY, "0:tool:get_weather").put(WAIT_TOOLS, List.of("get_weather")).build());
      segment0.setAttribute(SEGMENT_OUTCOME, "waiting");
      segment0.setAttribute(GEN_AI_USAGE_INPUT_TOKENS, 12L);
      segment0.setAttribute(GEN_AI_USAGE_OUTPUT_TOKENS, 5L);
      advance(1);
      segment0.end();
      advance(5);
      tool.setAttribute(GEN_AI_TOOL_CALL_RESULT, "{\"temp\":21,\"sky\":\"sunny\"}");
      tool.end();
      advance(2);

      SpanBuilder resumed = segment("weather", 1, withExecutionId ? "exec-1" : null, segment0, withPreviousAttribute);
      Span segment1 = resumed.startSpan();
      segment1.addEvent(EVENT_RESUME, Attributes.builder()
          .put(RESUME_CAUSE, "tool_result").put(RESUME_WAITED_MS, 7L).build());
      segment1.setAttribute(RESUME_REPLAYED, 1L);
      Span step = child(segment1, stepSpanName("format"), SpanKind.INTERNAL)
          .setAttribute(STEP_NAME, "format").setAttribute(STEP_KEY, "1:step:format").startSpan();
      advance(1);
      step.setAttribute(STEP_RESULT, "21°C, sunny");
      step.end();
      Span chat1 = child(segment1, chatSpanName("gpt-4o"), SpanKind.CLIENT).startSpan();
      recordChat(chat1, List.of(Message.user("Weather in Paris?"), Message.assistant("", List.of(PARIS_CALL)),
              Message.toolResult(PARIS_CALL, "{\"temp\":21,\"sky\":\"sunny\"}")),
          new ChatResponse("resp-2", "gpt-4o-2024-08-06", Message.assistant("It is sunny in Paris, 21°C."),
              FinishReason.STOP, Usage.of(30, 8)));
      advance(4);
      chat1.end();
      segment1.addEvent(EVENT_COMPLETE);
      segment1.setAttribute(SEGMENT_OUTCOME, "completed");
      segment1.end();
      return capture.trace();
    });
  }

  SpanBuilder segment(String agent, int index, String executionId, Span previous, boolean previousAttribute) {
    SpanBuilder builder = tracer.spanBuilder(agentSegmentName(agent))
        .setNoParent()
        .setAttribute(GEN_AI_OPERATION_NAME, OP_INVOKE_AGENT)
        .setAttribute(GEN_AI_AGENT_NAME, agent)
        .setAttribute(SEGMENT_INDEX, (long) index);
    if (executionId != null) {
      builder.setAttribute(EXECUTION_ID, executionId);
    }
    if (previous != null) {
      builder.addLink(previous.getSpanContext());
      if (previousAttribute) {
        builder.setAttribute(SEGMENT_PREVIOUS_SPAN_ID, previous.getSpanContext().getSpanId());
      }
    }
    return builder;
  }

  SpanBuilder child(Span parent, String name, SpanKind kind) {
    return tracer.spanBuilder(name).setParent(Context.root().with(parent)).setSpanKind(kind);
  }

  static void recordChat(Span chat, List<Message> input, ChatResponse response) {
    chat.setAttribute(GEN_AI_OPERATION_NAME, OP_CHAT);
    chat.setAttribute(GEN_AI_PROVIDER_NAME, "openai");
    chat.setAttribute(GEN_AI_REQUEST_MODEL, "gpt-4o");
    chat.setAttribute(GEN_AI_RESPONSE_MODEL, response.model());
    chat.setAttribute(GEN_AI_RESPONSE_ID, response.id());
    chat.setAttribute(GEN_AI_RESPONSE_FINISH_REASONS, List.of(response.finishReason().wireValue()));
    chat.setAttribute(GEN_AI_USAGE_INPUT_TOKENS, response.usage().inputTokens());
    chat.setAttribute(GEN_AI_USAGE_OUTPUT_TOKENS, response.usage().outputTokens());
    chat.setAttribute(GEN_AI_INPUT_MESSAGES, GenAiJson.inputMessages(input));
    chat.setAttribute(GEN_AI_OUTPUT_MESSAGES, GenAiJson.outputMessages(response));
    chat.setAttribute(GEN_AI_TOOL_DEFINITIONS, GenAiJson.toolDefinitions(List.of(GET_WEATHER)));
  }

  void advance(long millis) {
    clock.advance(Duration.ofMillis(millis));
  }
}
