package dev.agenttrace.trace.dialect;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.List;

/** A hand-written span of a fixture trace, built as {@link TestSpanData}: what an OTLP import would hand over. */
final class FixtureSpan {
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final long MILLI = 1_000_000L;
  private static final long ORIGIN = 1_767_225_600_000L * MILLI;

  private final String spanId;
  private final String name;
  private String parentSpanId;
  private SpanKind kind = SpanKind.INTERNAL;
  private long startMillis;
  private long endMillis;
  private String scope = "fixture";
  private StatusData status = StatusData.unset();
  private final AttributesBuilder attributes = Attributes.builder();
  private final List<EventData> events = new ArrayList<>();
  private final List<LinkData> links = new ArrayList<>();

  private FixtureSpan(int id, String name) {
    this.spanId = String.format("%016x", id);
    this.name = name;
  }

  static FixtureSpan span(int id, String name) {
    return new FixtureSpan(id, name);
  }

  static String spanId(int id) {
    return String.format("%016x", id);
  }

  FixtureSpan parent(int id) {
    this.parentSpanId = spanId(id);
    return this;
  }

  FixtureSpan kind(SpanKind kind) {
    this.kind = kind;
    return this;
  }

  FixtureSpan time(long startMillis, long endMillis) {
    this.startMillis = startMillis;
    this.endMillis = endMillis;
    return this;
  }

  FixtureSpan scope(String scope) {
    this.scope = scope;
    return this;
  }

  FixtureSpan attr(String key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
    return this;
  }

  FixtureSpan attr(String key, long value) {
    attributes.put(key, value);
    return this;
  }

  FixtureSpan attr(String key, List<String> value) {
    attributes.put(AttributeKey.stringArrayKey(key), value);
    return this;
  }

  FixtureSpan attr(AttributeKey<String> key, String value) {
    return attr(key.getKey(), value);
  }

  FixtureSpan event(String eventName, long atMillis, Attributes eventAttributes) {
    events.add(EventData.create(ORIGIN + atMillis * MILLI, eventName, eventAttributes));
    return this;
  }

  FixtureSpan link(int id) {
    links.add(LinkData.create(context(spanId(id))));
    return this;
  }

  FixtureSpan error(String description) {
    this.status = StatusData.create(io.opentelemetry.api.trace.StatusCode.ERROR, description);
    return this;
  }

  SpanData data() {
    Attributes built = attributes.build();
    return TestSpanData.builder()
        .setSpanContext(context(spanId))
        .setParentSpanContext(parentSpanId == null ? SpanContext.getInvalid() : context(parentSpanId))
        .setInstrumentationScopeInfo(InstrumentationScopeInfo.create(scope))
        .setName(name)
        .setKind(kind)
        .setStartEpochNanos(ORIGIN + startMillis * MILLI)
        .setEndEpochNanos(ORIGIN + endMillis * MILLI)
        .setAttributes(built)
        .setTotalAttributeCount(built.size())
        .setEvents(events)
        .setTotalRecordedEvents(events.size())
        .setLinks(links)
        .setTotalRecordedLinks(links.size())
        .setStatus(status)
        .setHasEnded(true)
        .build();
  }

  private static SpanContext context(String spanId) {
    return SpanContext.create(TRACE_ID, spanId, TraceFlags.getSampled(), TraceState.getDefault());
  }
}
