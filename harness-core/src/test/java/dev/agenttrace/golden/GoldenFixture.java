package dev.agenttrace.golden;

import static dev.agenttrace.trace.SpanConventions.*;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.GenAiJson;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.AgentTrace;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.time.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Builds agent traces the way the durable runtime records them, through a real SDK on a test clock, with the
 * knobs the golden tests turn: a random request id, a secret in a header, tools that run concurrently in either
 * start order, a failing tool.
 */
final class GoldenFixture {
  private final TestClock clock = TestClock.create(Instant.parse("2026-01-01T00:00:00Z"));
  private final TraceCapture capture = TraceCapture.builder().clock(clock).build();
  private final Tracer tracer = capture.tracer("golden-test");

  String requestId = UUID.randomUUID().toString();
  String answer = "It is sunny in Paris, 21°C.";
  long outputTokens = 8;
  boolean reverseToolStart;
  boolean failingTool;

  /** Segment 0 asks for two tools that run concurrently and waits; segment 1 answers. */
  AgentTrace trace() {
    Span segment0 = segment(0, null);
    Span chat0 = child(segment0, chatSpanName("gpt-4o"), SpanKind.CLIENT);
    ToolCall weather = new ToolCall("call_" + UUID.randomUUID(), "get_weather",
        "{\"city\":\"Paris\",\"request_id\":\"" + requestId + "\"}");
    ToolCall time = new ToolCall("call_" + UUID.randomUUID(), "local_time", "{\"tz\":\"Europe/Paris\"}");
    chat(chat0, List.of(Message.system("You are a weather bot"), Message.user("Weather in Paris?")),
        Message.assistant("", List.of(weather, time)), FinishReason.TOOL_CALL, Usage.of(12, 5));
    advance(3);
    chat0.end();
    Span first = tool(segment0, reverseToolStart ? time : weather);
    advance(1);
    Span second = tool(segment0, reverseToolStart ? weather : time);
    segment0.addEvent(EVENT_WAIT, Attributes.builder().put(WAIT_KIND, "tool").put(WAIT_KEY, "0:tools")
        .put(WAIT_TOOLS, List.of("get_weather", "local_time")).build());
    segment0.setAttribute(SEGMENT_OUTCOME, "waiting");
    advance(1);
    segment0.end();
    advance(5);
    finish(reverseToolStart ? second : first, "{\"sky\":\"sunny\",\"temp\":21}");
    finish(reverseToolStart ? first : second, "\"2026-01-01T10:00:00+01:00\"");
    Span segment1 = segment(1, segment0);
    segment1.addEvent(EVENT_RESUME, Attributes.builder().put(RESUME_CAUSE, "tool_result")
        .put(RESUME_WAITED_MS, 7L).build());
    segment1.setAttribute(RESUME_REPLAYED, 1L);
    Span http = child(segment1, "POST /v1/chat", SpanKind.CLIENT);
    http.setAttribute("http.request.header.authorization", "Bearer sk-live-abcdefghijklmnop");
    http.setAttribute("http.request.header.x-api-key", "sk-ant-api03-abcdefghijklmnopqrstuv");
    http.setAttribute("thread.name", "worker-7");
    http.setAttribute("server.address", "build-host-17");
    http.setAttribute("http.response.status_code", 200L);
    advance(1);
    http.end();
    Span chat1 = child(segment1, chatSpanName("gpt-4o"), SpanKind.CLIENT);
    chat(chat1, List.of(Message.user("Weather in Paris?"), Message.toolResult(weather, "{\"temp\":21,\"sky\":\"sunny\"}")),
        Message.assistant(answer), FinishReason.STOP, Usage.of(30, outputTokens));
    advance(4);
    chat1.end();
    segment1.addEvent(EVENT_COMPLETE);
    segment1.setAttribute(SEGMENT_OUTCOME, "completed");
    segment1.end();
    return capture.trace();
  }

  private Span tool(Span segment, ToolCall call) {
    return tracer.spanBuilder(toolSpanName(call.name())).setParent(Context.root().with(segment))
        .setAttribute(GEN_AI_OPERATION_NAME, OP_EXECUTE_TOOL)
        .setAttribute(GEN_AI_TOOL_NAME, call.name())
        .setAttribute(GEN_AI_TOOL_CALL_ID, call.id())
        .setAttribute(GEN_AI_TOOL_CALL_ARGUMENTS, call.arguments())
        .startSpan();
  }

  private void finish(Span tool, String result) {
    if (failingTool) {
      IllegalStateException failure = new IllegalStateException("service down at line 42");
      tool.recordException(failure);
      tool.setAttribute(ERROR_TYPE, failure.getClass().getName());
      tool.setStatus(StatusCode.ERROR, failure.getMessage());
    } else {
      tool.setAttribute(GEN_AI_TOOL_CALL_RESULT, result);
    }
    tool.end();
  }

  private Span segment(int index, Span previous) {
    var builder = tracer.spanBuilder(agentSegmentName("weather")).setNoParent()
        .setAttribute(GEN_AI_OPERATION_NAME, OP_INVOKE_AGENT)
        .setAttribute(GEN_AI_AGENT_NAME, "weather")
        .setAttribute(EXECUTION_ID, "exec-" + UUID.randomUUID())
        .setAttribute(SEGMENT_INDEX, (long) index);
    if (previous != null) {
      builder.addLink(previous.getSpanContext())
          .setAttribute(SEGMENT_PREVIOUS_SPAN_ID, previous.getSpanContext().getSpanId());
    }
    return builder.startSpan();
  }

  private Span child(Span parent, String name, SpanKind kind) {
    return tracer.spanBuilder(name).setParent(Context.root().with(parent)).setSpanKind(kind).startSpan();
  }

  private static void chat(Span chat, List<Message> input, Message output, FinishReason reason, Usage usage) {
    ChatResponse response = new ChatResponse("chatcmpl-" + UUID.randomUUID(), "gpt-4o-2024-08-06", output, reason,
        usage);
    chat.setAttribute(GEN_AI_OPERATION_NAME, OP_CHAT);
    chat.setAttribute(GEN_AI_PROVIDER_NAME, "openai");
    chat.setAttribute(GEN_AI_REQUEST_MODEL, "gpt-4o");
    chat.setAttribute(GEN_AI_RESPONSE_MODEL, response.model());
    chat.setAttribute(GEN_AI_RESPONSE_ID, response.id());
    chat.setAttribute(GEN_AI_RESPONSE_FINISH_REASONS, List.of(reason.wireValue()));
    chat.setAttribute(GEN_AI_USAGE_INPUT_TOKENS, usage.inputTokens());
    chat.setAttribute(GEN_AI_USAGE_OUTPUT_TOKENS, usage.outputTokens());
    chat.setAttribute(GEN_AI_INPUT_MESSAGES, GenAiJson.inputMessages(input));
    chat.setAttribute(GEN_AI_OUTPUT_MESSAGES, GenAiJson.outputMessages(response));
    chat.setAttribute(GEN_AI_TOOL_DEFINITIONS, GenAiJson.toolDefinitions(List.of(
        ToolDefinition.of("get_weather", "Current weather", "{\"type\":\"object\"}"),
        ToolDefinition.of("local_time", "Local time", "{\"type\":\"object\"}"))));
  }

  private void advance(long millis) {
    clock.advance(Duration.ofMillis(millis));
  }
}
