package dev.agenttrace.stubs.http;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.GenAiJson;
import dev.agenttrace.trace.SpanCategory;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.UnfinishedSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Records each stubbed call as a {@code chat {model}} span with the GenAI attributes, so LLM calls show in the
 * test's trace even when the client is not instrumented. The parent comes from the W3C {@code traceparent} header
 * when the client sends one. When the client is instrumented — an open {@code chat} span for the same model that is
 * not the stub's own is in the capture — the stub's span becomes a {@code SERVER} child of it marked
 * {@link SpanConventions#LLM_SERVER_SIDE}, so the call is counted once.
 */
final class ChatSpanRecorder {
  private static final TextMapGetter<HttpExchange> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(HttpExchange carrier) {
      return carrier.headers().keySet();
    }

    @Override
    public String get(HttpExchange carrier, String key) {
      return carrier == null ? null : carrier.header(key).orElse(null);
    }
  };

  private final Tracer tracer;
  private final Supplier<List<UnfinishedSpan>> openSpans;
  private final String providerName;

  ChatSpanRecorder(Tracer tracer, Supplier<List<UnfinishedSpan>> openSpans, String providerName) {
    this.tracer = tracer;
    this.openSpans = openSpans;
    this.providerName = providerName;
  }

  Span start(HttpExchange exchange, ChatRequest request, String serverUrl) {
    Context propagated = W3CTraceContextPropagator.getInstance().extract(Context.root(), exchange, HEADERS);
    SpanContext remote = Span.fromContext(propagated).getSpanContext();
    Optional<UnfinishedSpan> clientSpan = instrumentedClientSpan(request, remote);
    SpanBuilder builder = tracer.spanBuilder(SpanConventions.chatSpanName(request.model()))
        .setAttribute(SpanConventions.GEN_AI_OPERATION_NAME, SpanConventions.OP_CHAT)
        .setAttribute(SpanConventions.GEN_AI_PROVIDER_NAME, providerName)
        .setAttribute(SpanConventions.GEN_AI_REQUEST_MODEL, request.model())
        .setAttribute(SpanConventions.GEN_AI_INPUT_MESSAGES, GenAiJson.inputMessages(request.messages()))
        .setAttribute(SpanConventions.STUB_SERVER, serverUrl);
    if (!request.tools().isEmpty()) {
      builder.setAttribute(SpanConventions.GEN_AI_TOOL_DEFINITIONS, GenAiJson.toolDefinitions(request.tools()));
    }
    if (request.temperature() != null) {
      builder.setAttribute(SpanConventions.GEN_AI_REQUEST_TEMPERATURE, request.temperature());
    }
    if (request.maxTokens() != null) {
      builder.setAttribute(SpanConventions.GEN_AI_REQUEST_MAX_TOKENS, request.maxTokens().longValue());
    }
    if (clientSpan.isPresent()) {
      builder.setSpanKind(SpanKind.SERVER).setAttribute(SpanConventions.LLM_SERVER_SIDE, true);
      if (!remote.isValid()) {
        UnfinishedSpan client = clientSpan.get();
        propagated = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(client.traceId(),
            client.spanId(), TraceFlags.getSampled(), TraceState.getDefault())));
      }
    } else {
      builder.setSpanKind(SpanKind.CLIENT);
    }
    return builder.setParent(propagated).startSpan();
  }

  void end(Span span, Outcome outcome) {
    ChatResponse response = outcome.response();
    if (response != null) {
      span.setAttribute(SpanConventions.GEN_AI_RESPONSE_ID, response.id());
      span.setAttribute(SpanConventions.GEN_AI_RESPONSE_MODEL, response.model());
      span.setAttribute(SpanConventions.GEN_AI_RESPONSE_FINISH_REASONS, List.of(response.finishReason().wireValue()));
      span.setAttribute(SpanConventions.GEN_AI_USAGE_INPUT_TOKENS, response.usage().inputTokens());
      span.setAttribute(SpanConventions.GEN_AI_USAGE_OUTPUT_TOKENS, response.usage().outputTokens());
      span.setAttribute(SpanConventions.GEN_AI_OUTPUT_MESSAGES, GenAiJson.outputMessages(response));
    }
    if (outcome.failure() != null) {
      span.setAttribute(SpanConventions.ERROR_TYPE, outcome.failure().errorType());
      span.setStatus(StatusCode.ERROR, outcome.failure().getMessage());
    } else if (outcome.wire().status() >= 400) {
      span.setAttribute(SpanConventions.ERROR_TYPE, Integer.toString(outcome.wire().status()));
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  /** The open chat span of an instrumented client making this call, if the capture has one. */
  private Optional<UnfinishedSpan> instrumentedClientSpan(ChatRequest request, SpanContext remote) {
    return openSpans.get().stream()
        .filter(span -> span.category() == SpanCategory.LLM_CALL)
        .filter(span -> span.attributes().get(SpanConventions.STUB_SERVER) == null)
        .filter(span -> remote.isValid() ? span.spanId().equals(remote.getSpanId())
            : request.model().equals(span.attributes().get(SpanConventions.GEN_AI_REQUEST_MODEL)))
        .max(Comparator.comparingLong(UnfinishedSpan::startEpochNanos));
  }
}
