package dev.agenttrace.capture;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.UnfinishedSpan;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects the spans routed to one destination of a {@link SharedCapture} (a scope, or the unattributed spans):
 * finished spans in memory, open spans in an {@link OpenSpanTracker}. Thread-safe.
 */
final class SpanSink {
  private final Queue<SpanData> finished = new ConcurrentLinkedQueue<>();
  private final OpenSpanTracker open;

  SpanSink(boolean recordStartSites) {
    this.open = new OpenSpanTracker(recordStartSites);
  }

  void onStart(Context parentContext, ReadWriteSpan span) {
    open.onStart(parentContext, span);
  }

  /** Records the finished span before forgetting it as open, so {@link #trace()} never misses it. */
  void onEnd(ReadableSpan span) {
    finished.add(span.toSpanData());
    open.onEnd(span);
  }

  AgentTrace trace() {
    List<UnfinishedSpan> unfinished = open.unfinishedSpans();
    return AgentTrace.of(List.copyOf(finished), unfinished);
  }

  List<UnfinishedSpan> unfinishedSpans() {
    return open.unfinishedSpans();
  }
}
