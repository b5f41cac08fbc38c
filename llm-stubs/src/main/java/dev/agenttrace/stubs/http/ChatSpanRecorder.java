package dev.agenttrace.stubs.http;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.trace.ChatSpan;
import dev.agenttrace.trace.SpanCategory;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.SpanWriter;
import dev.agenttrace.trace.UnfinishedSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
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
 * Records each stubbed call as a {@code chat {model}} span with the GenAI attributes, written by core's one span
 * writer ({@link SpanWriter#startObservedChat}), so LLM calls show in the test's trace even when the client is not
 * instrumented. The parent comes from the W3C {@code traceparent} header when the client sends one. When the client is instrumented — an open {@code chat} span for the same model that is
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

  private final SpanWriter writer;
  private final Supplier<List<UnfinishedSpan>> openSpans;
  private final String providerName;

  ChatSpanRecorder(Tracer tracer, Supplier<List<UnfinishedSpan>> openSpans, String providerName) {
    this.writer = SpanWriter.of(tracer);
    this.openSpans = openSpans;
    this.providerName = providerName;
  }

  ChatSpan start(HttpExchange exchange, ChatRequest request, String serverUrl) {
    Context propagated = W3CTraceContextPropagator.getInstance().extract(Context.root(), exchange, HEADERS);
    SpanContext remote = Span.fromContext(propagated).getSpanContext();
    Optional<UnfinishedSpan> clientSpan = instrumentedClientSpan(request, remote);
    if (clientSpan.isPresent() && !remote.isValid()) {
      UnfinishedSpan client = clientSpan.get();
      propagated = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(client.traceId(),
          client.spanId(), TraceFlags.getSampled(), TraceState.getDefault())));
    }
    return writer.startObservedChat(propagated, request, providerName, serverUrl, clientSpan.isPresent());
  }

  void end(ChatSpan span, Outcome outcome) {
    ChatResponse response = outcome.response();
    if (response != null) {
      span.recordResponse(response);
    }
    ChaosDraw chaos = outcome.chaos();
    if (chaos != null) {
      span.recordChaos(chaos.seed(), chaos.fault() == null ? null : chaos.fault().name());
    }
    if (outcome.failure() != null) {
      span.markFailed(outcome.failure().errorType(), outcome.failure().getMessage());
    } else if (outcome.wire().status() >= 400) {
      span.markFailed(Integer.toString(outcome.wire().status()), null);
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
