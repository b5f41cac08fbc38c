package dev.agenttrace.otlp.receiver;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * What a receiver got: the spans in arrival order and a log of its requests (accepted or rejected, with why), and
 * the bounded wait for spans to arrive. Thread-safe.
 */
final class ReceivedSpans {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<SpanData> spans = new ArrayList<>();
  private final List<String> requests = new ArrayList<>();

  void accepted(List<SpanData> received, String request) {
    lock.lock();
    try {
      spans.addAll(received);
      requests.add(request);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void rejected(String request) {
    lock.lock();
    try {
      requests.add(request);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  List<SpanData> spans() {
    lock.lock();
    try {
      return List.copyOf(spans);
    } finally {
      lock.unlock();
    }
  }

  /** Waits until {@code condition} holds for the spans received so far, at most {@code timeout}; null on timeout. */
  List<SpanData> await(Predicate<? super List<SpanData>> condition, Duration timeout) throws InterruptedException {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (!condition.test(List.copyOf(spans))) {
        if (remaining <= 0) {
          return null;
        }
        remaining = changed.awaitNanos(remaining);
      }
      return List.copyOf(spans);
    } finally {
      lock.unlock();
    }
  }

  /** The spans and requests so far, for a failure message. */
  String describe() {
    lock.lock();
    try {
      StringBuilder out = new StringBuilder();
      out.append(spans.size()).append(spans.size() == 1 ? " span" : " spans").append(" arrived");
      out.append(spans.isEmpty() ? "." : ":");
      for (SpanData span : spans) {
        out.append("\n  - '").append(span.getName()).append("' (").append(span.getKind())
            .append(", trace ").append(span.getTraceId()).append(", span ").append(span.getSpanId())
            .append(", scope ").append(span.getInstrumentationScopeInfo().getName()).append(')');
      }
      out.append('\n').append(requests.size()).append(requests.size() == 1 ? " request" : " requests");
      out.append(requests.isEmpty() ? " (is the exporter pointed at this endpoint, and flushed?)" : ":");
      requests.forEach(request -> out.append("\n  - ").append(request));
      return out.toString();
    } finally {
      lock.unlock();
    }
  }
}
