package dev.agenttrace.capture;

import dev.agenttrace.trace.UnfinishedSpan;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tracks spans that have started and not yet ended, with the thread that started them and (optionally) the start
 * site, so a trace can report leaked or crashed spans as {@link UnfinishedSpan}s.
 */
final class OpenSpanTracker implements SpanProcessor {
  private final boolean recordStartSites;
  private final Map<String, OpenSpan> open = new ConcurrentHashMap<>();

  OpenSpanTracker(boolean recordStartSites) {
    this.recordStartSites = recordStartSites;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    open.put(span.getSpanContext().getSpanId(),
        new OpenSpan(span, Thread.currentThread().getName(), recordStartSites ? StartSites.current() : null));
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    open.remove(span.getSpanContext().getSpanId());
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  /** The spans open right now, by start time. */
  List<UnfinishedSpan> unfinishedSpans() {
    return open.values().stream()
        .map(OpenSpan::snapshot)
        .sorted(Comparator.comparingLong(UnfinishedSpan::startEpochNanos).thenComparing(UnfinishedSpan::spanId))
        .toList();
  }

  private record OpenSpan(ReadableSpan span, String threadName, String startSite) {
    UnfinishedSpan snapshot() {
      SpanData data = span.toSpanData();
      return new UnfinishedSpan(data.getName(), data.getSpanId(), data.getTraceId(),
          data.getParentSpanContext().isValid() ? data.getParentSpanId() : null,
          threadName, data.getStartEpochNanos(), data.getAttributes(), startSite);
    }
  }
}
