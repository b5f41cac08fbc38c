package dev.agenttrace.trace;

import static dev.agenttrace.trace.SpanConventions.*;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ToolCall;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Objects;

/**
 * The one writer of AgentTrace's span conventions ({@link SpanConventions}): every segment, chat, tool and step span
 * AgentTrace emits — from the durable runtime, the HTTP LLM stubs, framework adapters — is started here, and ended
 * through the handle it returns ({@link SegmentSpan}, {@link ChatSpan}, {@link ToolSpan}, {@link StepSpan}). Names,
 * attributes, events and errors are spelled in this one place, so every producer writes the same spans.
 *
 * <pre>{@code
 * SpanWriter spans = SpanWriter.of(openTelemetry.getTracer("my-adapter"));
 * ChatSpan chat = spans.startChat(Context.current(), request, "openai");
 * chat.end(response);   // or chat.fail(error)
 * }</pre>
 *
 * Content attributes (messages, tool definitions, step results) are costly JSON: they are built only for spans that
 * record. Thread-safe; each handle belongs to the code that started it.
 */
public final class SpanWriter {
  private final Tracer tracer;

  private SpanWriter(Tracer tracer) {
    this.tracer = Objects.requireNonNull(tracer, "tracer");
  }

  /** A writer starting its spans with {@code tracer}. */
  public static SpanWriter of(Tracer tracer) {
    return new SpanWriter(tracer);
  }

  /** An {@code invoke_agent {agent}} segment, to configure and start. */
  public SegmentSpan.Starter agentSegment(String agentName) {
    return new SegmentSpan.Starter(tracer, false, agentName);
  }

  /** An {@code invoke_workflow {workflow}} segment, to configure and start. */
  public SegmentSpan.Starter workflowSegment(String workflowName) {
    return new SegmentSpan.Starter(tracer, true, workflowName);
  }

  /** Starts the {@code chat {model}} span (CLIENT) of a call a client makes to {@code provider}. */
  public ChatSpan startChat(Context parent, ChatRequest request, String provider) {
    return ChatSpan.start(chatBuilder(parent, request, provider).setSpanKind(SpanKind.CLIENT), parent, request);
  }

  /**
   * Starts the {@code chat {model}} span of a call as an HTTP LLM stub at {@code stubServer} observed it: a CLIENT
   * span standing for the call when the client is not traced; when it is ({@code serverSide}), a SERVER child of
   * the client's span marked {@link SpanConventions#LLM_SERVER_SIDE}, so the call is counted once.
   */
  public ChatSpan startObservedChat(Context parent, ChatRequest request, String provider, String stubServer,
      boolean serverSide) {
    SpanBuilder builder = chatBuilder(parent, request, provider).setAttribute(STUB_SERVER, stubServer);
    if (serverSide) {
      builder.setSpanKind(SpanKind.SERVER).setAttribute(LLM_SERVER_SIDE, true);
    } else {
      builder.setSpanKind(SpanKind.CLIENT);
    }
    return ChatSpan.start(builder, parent, request);
  }

  /** Starts the {@code execute_tool {tool}} span of one tool call. */
  public ToolSpan startTool(Context parent, ToolCall call) {
    Span span = tracer.spanBuilder(toolSpanName(call.name()))
        .setParent(parent)
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(GEN_AI_OPERATION_NAME, OP_EXECUTE_TOOL)
        .setAttribute(GEN_AI_TOOL_NAME, call.name())
        .setAttribute(GEN_AI_TOOL_TYPE, "function")
        .setAttribute(GEN_AI_TOOL_CALL_ID, call.id())
        .setAttribute(GEN_AI_TOOL_CALL_ARGUMENTS, call.arguments())
        .startSpan();
    return new ToolSpan(span, parent);
  }

  /** Starts the {@code step {name}} span of a journaled step stored under {@code key}. */
  public StepSpan startStep(Context parent, String name, String key) {
    Span span = tracer.spanBuilder(stepSpanName(name))
        .setParent(parent)
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(STEP_NAME, name)
        .setAttribute(STEP_KEY, key)
        .startSpan();
    return new StepSpan(span, parent);
  }

  private SpanBuilder chatBuilder(Context parent, ChatRequest request, String provider) {
    SpanBuilder builder = tracer.spanBuilder(chatSpanName(request.model()))
        .setParent(parent)
        .setAttribute(GEN_AI_OPERATION_NAME, OP_CHAT)
        .setAttribute(GEN_AI_PROVIDER_NAME, provider)
        .setAttribute(GEN_AI_REQUEST_MODEL, request.model());
    if (request.temperature() != null) {
      builder.setAttribute(GEN_AI_REQUEST_TEMPERATURE, request.temperature());
    }
    if (request.maxTokens() != null) {
      builder.setAttribute(GEN_AI_REQUEST_MAX_TOKENS, request.maxTokens().longValue());
    }
    return builder;
  }
}
