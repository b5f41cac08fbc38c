package dev.agenttrace.trace;

import static dev.agenttrace.trace.SpanConventions.*;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.GenAiJson;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.List;

/**
 * A {@code chat {model}} span being written: the request was recorded when it started; {@link #end(ChatResponse)}
 * records the response (model, id, finish reason, usage, output messages) and ends it, {@link #fail} records an
 * error, {@link #recordChaos} the fault a stub injected. Started by {@link SpanWriter#startChat} or
 * {@link SpanWriter#startObservedChat}.
 */
public final class ChatSpan extends OperationSpan {
  private ChatSpan(Span span, Context parent) {
    super(span, parent);
  }

  static ChatSpan start(SpanBuilder builder, Context parent, ChatRequest request) {
    Span span = builder.startSpan();
    if (span.isRecording()) {
      span.setAttribute(GEN_AI_INPUT_MESSAGES, GenAiJson.inputMessages(request.messages()));
      if (!request.tools().isEmpty()) {
        span.setAttribute(GEN_AI_TOOL_DEFINITIONS, GenAiJson.toolDefinitions(request.tools()));
      }
    }
    return new ChatSpan(span, parent);
  }

  /** Records the response and ends the span. */
  public void end(ChatResponse response) {
    recordResponse(response);
    end();
  }

  /** Records the response without ending the span. */
  public ChatSpan recordResponse(ChatResponse response) {
    Span span = span();
    span.setAttribute(GEN_AI_RESPONSE_MODEL, response.model());
    span.setAttribute(GEN_AI_RESPONSE_ID, response.id());
    span.setAttribute(GEN_AI_RESPONSE_FINISH_REASONS, List.of(response.finishReason().wireValue()));
    span.setAttribute(GEN_AI_USAGE_INPUT_TOKENS, response.usage().inputTokens());
    span.setAttribute(GEN_AI_USAGE_OUTPUT_TOKENS, response.usage().outputTokens());
    if (span.isRecording()) {
      span.setAttribute(GEN_AI_OUTPUT_MESSAGES, GenAiJson.outputMessages(response));
    }
    return this;
  }

  /**
   * Records that an HTTP stub's seeded chaos was on for this call: the {@code seed} that reproduces the run and the
   * injected {@code fault} ({@code null} when the call got none).
   */
  public ChatSpan recordChaos(long seed, String fault) {
    span().setAttribute(CHAOS_SEED, seed);
    if (fault != null) {
      span().setAttribute(CHAOS_FAULT, fault);
    }
    return this;
  }

  /**
   * Marks the call failed as a server saw it: {@code error.type} and status ERROR with {@code description}
   * ({@code null} for none), no exception event. Then {@link #end()} it.
   */
  public ChatSpan markFailed(String errorType, String description) {
    span().setAttribute(ERROR_TYPE, errorType);
    if (description == null) {
      span().setStatus(StatusCode.ERROR);
    } else {
      span().setStatus(StatusCode.ERROR, description);
    }
    return this;
  }

  /** Ends the span with what was recorded so far. */
  public void end() {
    span().end();
  }
}
