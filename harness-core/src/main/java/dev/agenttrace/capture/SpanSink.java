package dev.agenttrace.capture;

import dev.agenttrace.trace.UnfinishedSpan;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects the spans of one destination — a {@link TraceCapture}, a {@link CaptureScope} of a shared capture, or
 * its unattributed spans: finished spans in memory, open spans in an {@link OpenSpanTracker}, and a change count
 * so a trace built from it is rebuilt only when something changed. Frozen when its capture closes: from then on it
 * answers the spans it held at that moment. Thread-safe.
 */
final class SpanSink implements SpanProcessor {
  private final Queue<SpanData> finished = new ConcurrentLinkedQueue<>();
  private final OpenSpanTracker open;
  private final AtomicLong changes = new AtomicLong();
  private volatile Snapshot frozen;

  SpanSink(boolean recordStartSites) {
    this.open = new OpenSpanTracker(recordStartSites);
  }

  /** What a sink held at one moment; {@code version} tells whether it changed since. */
  record Snapshot(long version, List<SpanData> finished, List<UnfinishedSpan> unfinished, boolean isFinal) {}

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    open.onStart(parentContext, span);
    changes.incrementAndGet();
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  /** Records the finished span before forgetting it as open, so a snapshot never misses it. */
  @Override
  public void onEnd(ReadableSpan span) {
    finished.add(span.toSpanData());
    open.onEnd(span);
    changes.incrementAndGet();
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  /** The spans held now. The version is read first, so a change during the read makes the snapshot look stale. */
  Snapshot snapshot() {
    Snapshot last = frozen;
    if (last != null) {
      return last;
    }
    long version = changes.get();
    // open spans first, then finished ones: a span ending in between shows up finished, never nowhere
    List<UnfinishedSpan> unfinished = open.unfinishedSpans();
    return new Snapshot(version, new ArrayList<>(finished), unfinished, false);
  }

  /** The version a snapshot taken now would have. */
  long version() {
    Snapshot last = frozen;
    return last != null ? last.version() : changes.get();
  }

  List<UnfinishedSpan> unfinishedSpans() {
    Snapshot last = frozen;
    return last != null ? last.unfinished() : open.unfinishedSpans();
  }

  /**
   * Adds spans that finished elsewhere (received over OTLP, loaded from a file) as they are; false, adding nothing,
   * once the sink is frozen.
   */
  synchronized boolean addFinished(Collection<? extends SpanData> spans) {
    if (frozen != null) {
      return false;
    }
    finished.addAll(spans);
    changes.incrementAndGet();
    return true;
  }

  /** Forgets the finished spans; spans still open stay tracked. */
  void reset() {
    finished.clear();
    changes.incrementAndGet();
  }

  /** Keeps what the sink holds now as its final content. Idempotent. */
  synchronized void freeze() {
    if (frozen == null) {
      Snapshot last = snapshot();
      frozen = new Snapshot(last.version(), List.copyOf(last.finished()), last.unfinished(), true);
    }
  }
}
