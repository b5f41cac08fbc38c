package dev.agenttrace.capture;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, for every span of a {@link SharedCapture}, which {@link CaptureScope} it belongs to: the scope in the
 * parent context, else the parent span's scope, else the scope its trace id is registered to. A span no open scope
 * claims goes to the capture's unattributed sink. Attribution is decided once, at start, and kept until the span
 * ends (tool spans may end after their parent).
 */
final class ScopeRoutingProcessor implements SpanProcessor {
  private final ContextKey<CaptureScope> scopeKey;
  private final SpanSink unattributed;
  private final Map<String, CaptureScope> scopeBySpanId = new ConcurrentHashMap<>();
  private final Map<String, CaptureScope> scopeByTraceId = new ConcurrentHashMap<>();

  ScopeRoutingProcessor(ContextKey<CaptureScope> scopeKey, SpanSink unattributed) {
    this.scopeKey = scopeKey;
    this.unattributed = unattributed;
  }

  void registerTraceId(String traceId, CaptureScope scope) {
    scopeByTraceId.put(traceId, scope);
  }

  /** Stops attributing to {@code scope}: later spans of its context, traces or parents are unattributed. */
  void forget(CaptureScope scope) {
    scopeBySpanId.values().removeIf(scope::equals);
    scopeByTraceId.values().removeIf(scope::equals);
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    CaptureScope scope = attribute(parentContext, span.getSpanContext());
    if (scope == null) {
      unattributed.onStart(parentContext, span);
    } else {
      scopeBySpanId.put(span.getSpanContext().getSpanId(), scope);
      scope.sink().onStart(parentContext, span);
    }
  }

  private CaptureScope attribute(Context parentContext, SpanContext spanContext) {
    CaptureScope scope = parentContext.get(scopeKey);
    if (scope == null) {
      SpanContext parent = Span.fromContext(parentContext).getSpanContext();
      if (parent.isValid()) {
        scope = scopeBySpanId.get(parent.getSpanId());
      }
    }
    if (scope == null) {
      scope = scopeByTraceId.get(spanContext.getTraceId());
    }
    return scope == null || scope.isClosed() ? null : scope;
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    CaptureScope scope = scopeBySpanId.get(span.getSpanContext().getSpanId());
    if (scope == null || scope.isClosed()) {
      unattributed.onEnd(span);
    } else {
      scope.sink().onEnd(span);
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }
}
