package dev.agenttrace.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One finished span of an {@link AgentTrace}, placed in the trace tree: its OpenTelemetry data, its
 * {@link SpanCategory}, its ordered children and its depth. The typed views ({@link LlmCall}, {@link Segment} ...)
 * are built on top of it; assertions and renderings that need a raw attribute read it here.
 */
public final class TraceSpan {
  private final SpanData data;
  private final SpanCategory category;
  private final int depth;
  private final boolean orphan;
  private final List<TraceSpan> children = new ArrayList<>();
  private final List<TraceSpan> childrenView = Collections.unmodifiableList(children);

  TraceSpan(SpanData data, int depth, boolean orphan) {
    this.data = data;
    this.category = SpanConventions.categorize(data.getAttributes());
    this.depth = depth;
    this.orphan = orphan;
  }

  /** Called only while the owning {@link AgentTrace} is being built. */
  void addChild(TraceSpan child) {
    children.add(child);
  }

  public String spanId() {
    return data.getSpanId();
  }

  public String traceId() {
    return data.getTraceId();
  }

  /** The parent's span id as recorded on the span; empty for a span started without a parent. */
  public Optional<String> parentSpanId() {
    return data.getParentSpanContext().isValid() ? Optional.of(data.getParentSpanId()) : Optional.empty();
  }

  /** True when the span names a parent that is not in the trace (it never ended, or was captured elsewhere). */
  public boolean isOrphan() {
    return orphan;
  }

  public String name() {
    return data.getName();
  }

  public SpanKind kind() {
    return data.getKind();
  }

  public SpanCategory category() {
    return category;
  }

  public Instant startTime() {
    return instant(data.getStartEpochNanos());
  }

  public Instant endTime() {
    return instant(data.getEndEpochNanos());
  }

  public long startEpochNanos() {
    return data.getStartEpochNanos();
  }

  public long endEpochNanos() {
    return data.getEndEpochNanos();
  }

  public Duration duration() {
    return Duration.ofNanos(Math.max(0, data.getEndEpochNanos() - data.getStartEpochNanos()));
  }

  public Attributes attributes() {
    return data.getAttributes();
  }

  /** The attribute's value, empty when the span does not carry it. */
  public <T> Optional<T> attribute(AttributeKey<T> key) {
    return Optional.ofNullable(data.getAttributes().get(key));
  }

  public List<EventData> events() {
    return data.getEvents();
  }

  /** The first event called {@code name}. */
  public Optional<EventData> event(String name) {
    return data.getEvents().stream().filter(event -> event.getName().equals(name)).findFirst();
  }

  /** The last event called {@code name} (the most recent state, e.g. the final exception). */
  public Optional<EventData> lastEvent(String name) {
    EventData last = null;
    for (EventData event : data.getEvents()) {
      if (event.getName().equals(name)) {
        last = event;
      }
    }
    return Optional.ofNullable(last);
  }

  public List<LinkData> links() {
    return data.getLinks();
  }

  public StatusCode statusCode() {
    return data.getStatus().getStatusCode();
  }

  public String statusDescription() {
    return data.getStatus().getDescription();
  }

  /** True when the span's status is {@link StatusCode#ERROR}. */
  public boolean isError() {
    return statusCode() == StatusCode.ERROR;
  }

  /** Children ordered by start time (ties by span id). */
  public List<TraceSpan> children() {
    return childrenView;
  }

  /** 0 for a root, 1 for its children, and so on. */
  public int depth() {
    return depth;
  }

  /** The underlying OpenTelemetry data. */
  public SpanData data() {
    return data;
  }

  @Override
  public String toString() {
    return name() + " (" + category + ", span " + spanId() + ")";
  }

  static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(0, epochNanos);
  }
}
