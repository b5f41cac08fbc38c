package dev.agenttrace.runtime;

import static dev.agenttrace.trace.SpanConventions.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.GenAiJson;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.SegmentOutcome;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.List;

/** Writes the runtime's spans exactly as {@link dev.agenttrace.trace.SpanConventions} defines them. */
final class SpanWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Tracer tracer;

  SpanWriter(Tracer tracer) {
    this.tracer = tracer;
  }

  Span startChat(Context parent, ChatRequest request, String provider) {
    var builder = tracer.spanBuilder(chatSpanName(request.model()))
        .setParent(parent)
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(GEN_AI_OPERATION_NAME, OP_CHAT)
        .setAttribute(GEN_AI_PROVIDER_NAME, provider)
        .setAttribute(GEN_AI_REQUEST_MODEL, request.model());
    if (request.temperature() != null) {
      builder.setAttribute(GEN_AI_REQUEST_TEMPERATURE, request.temperature());
    }
    if (request.maxTokens() != null) {
      builder.setAttribute(GEN_AI_REQUEST_MAX_TOKENS, request.maxTokens().longValue());
    }
    Span span = builder.startSpan();
    // content attributes are costly JSON: build them only for a span that records
    if (span.isRecording()) {
      span.setAttribute(GEN_AI_INPUT_MESSAGES, GenAiJson.inputMessages(request.messages()));
      if (!request.tools().isEmpty()) {
        span.setAttribute(GEN_AI_TOOL_DEFINITIONS, GenAiJson.toolDefinitions(request.tools()));
      }
    }
    return span;
  }

  void endChat(Span span, ChatResponse response) {
    span.setAttribute(GEN_AI_RESPONSE_MODEL, response.model());
    span.setAttribute(GEN_AI_RESPONSE_ID, response.id());
    span.setAttribute(GEN_AI_RESPONSE_FINISH_REASONS, List.of(response.finishReason().wireValue()));
    span.setAttribute(GEN_AI_USAGE_INPUT_TOKENS, response.usage().inputTokens());
    span.setAttribute(GEN_AI_USAGE_OUTPUT_TOKENS, response.usage().outputTokens());
    if (span.isRecording()) {
      span.setAttribute(GEN_AI_OUTPUT_MESSAGES, GenAiJson.outputMessages(response));
    }
    span.end();
  }

  Span startTool(Context parent, ToolCall call) {
    return tracer.spanBuilder(toolSpanName(call.name()))
        .setParent(parent)
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(GEN_AI_OPERATION_NAME, OP_EXECUTE_TOOL)
        .setAttribute(GEN_AI_TOOL_NAME, call.name())
        .setAttribute(GEN_AI_TOOL_TYPE, "function")
        .setAttribute(GEN_AI_TOOL_CALL_ID, call.id())
        .setAttribute(GEN_AI_TOOL_CALL_ARGUMENTS, call.arguments())
        .startSpan();
  }

  void endTool(Span span, String result) {
    span.setAttribute(GEN_AI_TOOL_CALL_RESULT, result == null ? "" : result);
    span.end();
  }

  Span startStep(Context parent, String name, String key) {
    return tracer.spanBuilder(stepSpanName(name))
        .setParent(parent)
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(STEP_NAME, name)
        .setAttribute(STEP_KEY, key)
        .startSpan();
  }

  void endStep(Span span, Object result) {
    if (span.isRecording()) {
      span.setAttribute(STEP_RESULT, render(result));
    }
    span.end();
  }

  /** Marks {@code span} failed per the OpenTelemetry error conventions and ends it. */
  void fail(Span span, Throwable error) {
    markError(span, error);
    span.end();
  }

  void markError(Span span, Throwable error) {
    span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
    span.setAttribute(ERROR_TYPE, errorType(error));
    span.recordException(error);
  }

  void resumeEvent(Span segment, String cause, long waitedMillis) {
    segment.addEvent(EVENT_RESUME, Attributes.of(RESUME_CAUSE, cause, RESUME_WAITED_MS, waitedMillis));
  }

  void endSegment(Span segment, SegmentOutcome outcome, Usage usage, int replayed, boolean resumed) {
    segment.setAttribute(SEGMENT_OUTCOME, outcome.wireValue());
    segment.setAttribute(GEN_AI_USAGE_INPUT_TOKENS, usage.inputTokens());
    segment.setAttribute(GEN_AI_USAGE_OUTPUT_TOKENS, usage.outputTokens());
    if (resumed) {
      segment.setAttribute(RESUME_REPLAYED, (long) replayed);
    }
    if (outcome == SegmentOutcome.COMPLETED) {
      segment.addEvent(EVENT_COMPLETE);
    }
    segment.end();
  }

  void crashEvent(Span segment, String operation) {
    segment.addEvent(EVENT_CRASH, Attributes.of(CRASH_BEFORE, operation));
  }

  void waitEvent(Span segment, Wait wait) {
    AttributesBuilder attributes = Attributes.builder()
        .put(WAIT_KIND, wait.kind().wireValue())
        .put(WAIT_KEY, wait.key());
    if (wait.until() != null) {
      attributes.put(WAIT_UNTIL, wait.until().toString());
    }
    if (!wait.toolCalls().isEmpty()) {
      attributes.put(WAIT_TOOLS, wait.toolCalls().stream().map(ToolCall::name).toList());
    } else if (!wait.name().isEmpty()) {
      attributes.put(WAIT_NAME, wait.name());
    }
    segment.addEvent(EVENT_WAIT, attributes.build());
  }

  static String errorType(Throwable error) {
    if (error instanceof LlmException llmError) {
      return llmError.errorType();
    }
    if (error instanceof ToolFailedException toolError) {
      return toolError.errorType();
    }
    return error.getClass().getName();
  }

  static String render(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException | RuntimeException notSerializable) {
      return String.valueOf(value);
    }
  }
}
