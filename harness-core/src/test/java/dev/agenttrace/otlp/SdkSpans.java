package dev.agenttrace.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.testing.time.TestClock;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Spans made by the real OpenTelemetry SDK on a test clock, using every feature OTLP can carry (every attribute type
 * including key-value lists and bytes, events, an exception, links to a remote span, trace state, status, resource and
 * scope attributes, dropped counts), and a field-by-field comparison of spans.
 */
final class SdkSpans {
  static final String REMOTE_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String REMOTE_SPAN = "00f067aa0ba902b7";

  private SdkSpans() {}

  static List<SpanData> everyFeature() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    TestClock clock = TestClock.create(Instant.parse("2026-03-01T10:00:00.123456789Z"));
    Resource resource = Resource.create(Attributes.builder()
        .put("service.name", "weather-agent").put("service.instance.id", "i-1").build(), "https://opentelemetry.io/schemas/1.30.0");
    try (SdkTracerProvider provider = SdkTracerProvider.builder()
        .setClock(clock)
        .setResource(resource)
        .setSpanLimits(SpanLimits.builder().setMaxNumberOfAttributes(12).setMaxNumberOfEvents(3)
            .setMaxNumberOfLinks(2).build())
        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
        .build()) {
      Tracer agent = provider.tracerBuilder("dev.agenttrace.runtime").setInstrumentationVersion("0.1.0")
          .setSchemaUrl("https://opentelemetry.io/schemas/1.37.0").build();
      Tracer http = provider.get("io.opentelemetry.http");
      SpanContext remote = SpanContext.createFromRemoteParent(REMOTE_TRACE, REMOTE_SPAN, TraceFlags.getSampled(),
          TraceState.builder().put("vendor", "a1").put("other", "b2").build());
      Span root = agent.spanBuilder("invoke_agent weather").setParent(Context.root().with(Span.wrap(remote)))
          .setSpanKind(SpanKind.SERVER)
          .setAttribute("gen_ai.operation.name", "invoke_agent")
          .setAttribute(AttributeKey.longKey("agenttrace.segment.index"), 0L)
          .setAttribute(AttributeKey.doubleKey("temperature"), 0.25)
          .setAttribute(AttributeKey.booleanKey("streaming"), true)
          .setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("tool_call", "stop"))
          .setAttribute(AttributeKey.longArrayKey("ints"), List.of(1L, -2L, Long.MAX_VALUE))
          .setAttribute(AttributeKey.doubleArrayKey("doubles"), List.of(1.5, -0.0))
          .setAttribute(AttributeKey.booleanArrayKey("bools"), List.of(true, false))
          .setAttribute(AttributeKey.valueKey("config"), Value.of(
              KeyValue.of("model", Value.of("gpt-4o")),
              KeyValue.of("limits", Value.of(KeyValue.of("tokens", Value.of(100L)))),
              KeyValue.of("mixed", Value.of(Value.of("a"), Value.of(1L), Value.of(Value.of(true)))),
              KeyValue.of("nothing", Value.empty())))
          .setAttribute(AttributeKey.valueKey("digest"), Value.of(new byte[] {0, 1, 2, (byte) 0xff}))
          .setAttribute("unicode", "Grüße, 東京 \"quoted\" \\ \n tab\t")
          .addLink(SpanContext.createFromRemoteParent(REMOTE_TRACE, "1111111111111111", TraceFlags.getDefault(),
              TraceState.getDefault()), Attributes.of(AttributeKey.stringKey("link.kind"), "follows"))
          .startSpan();
      for (int i = 0; i < 3; i++) {
        root.setAttribute("overflow." + i, i);   // beyond the attribute limit: dropped and counted
      }
      clock.advance(Duration.ofMillis(5));
      Span chat = agent.spanBuilder("chat gpt-4o").setParent(Context.root().with(root)).setSpanKind(SpanKind.CLIENT)
          .setAttribute("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]}]")
          .setAttribute(AttributeKey.longKey("gen_ai.usage.input_tokens"), 12L)
          .startSpan();
      Span request = http.spanBuilder("POST").setParent(Context.root().with(chat)).setSpanKind(SpanKind.CLIENT)
          .startSpan();
      clock.advance(Duration.ofNanos(1_234_567));
      request.setStatus(StatusCode.ERROR, "503 from upstream");
      request.recordException(new IllegalStateException("upstream down"));
      request.end();
      chat.addEvent("gen_ai.choice", Attributes.of(AttributeKey.longKey("index"), 0L));
      chat.setStatus(StatusCode.OK);
      chat.end();
      for (int i = 0; i < 5; i++) {
        root.addEvent("tick " + i);   // beyond the event limit: dropped and counted
      }
      Span producer = agent.spanBuilder("publish").setParent(Context.root().with(root)).setSpanKind(SpanKind.PRODUCER)
          .addLink(chat.getSpanContext()).addLink(request.getSpanContext()).addLink(remote).startSpan();
      producer.end();
      agent.spanBuilder("consume").setParent(Context.root().with(root)).setSpanKind(SpanKind.CONSUMER)
          .startSpan().end();
      clock.advance(Duration.ofSeconds(1));
      root.end();
      return exporter.getFinishedSpanItems();   // before close: shutting the exporter down forgets its spans
    }
  }

  /** Asserts that {@code actual} holds the same spans as {@code expected}, in the same order, field for field. */
  static void assertSameSpans(List<SpanData> actual, List<SpanData> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      SpanData a = actual.get(i);
      SpanData e = expected.get(i);
      String span = "span " + i + " '" + e.getName() + "'";
      assertThat(a.getSpanContext()).as(span + " context").isEqualTo(e.getSpanContext());
      assertThat(a.getParentSpanContext().getSpanId()).as(span + " parent").isEqualTo(e.getParentSpanContext().getSpanId());
      assertThat(a.getParentSpanContext().isRemote()).as(span + " parent remote")
          .isEqualTo(e.getParentSpanContext().isRemote());
      assertThat(a.getName()).as(span + " name").isEqualTo(e.getName());
      assertThat(a.getKind()).as(span + " kind").isEqualTo(e.getKind());
      assertThat(a.getStartEpochNanos()).as(span + " start").isEqualTo(e.getStartEpochNanos());
      assertThat(a.getEndEpochNanos()).as(span + " end").isEqualTo(e.getEndEpochNanos());
      assertThat(a.hasEnded()).as(span + " ended").isEqualTo(e.hasEnded());
      assertThat(attributeMap(a.getAttributes())).as(span + " attributes").isEqualTo(attributeMap(e.getAttributes()));
      assertThat(a.getTotalAttributeCount()).as(span + " attribute count").isEqualTo(e.getTotalAttributeCount());
      assertThat(a.getStatus()).as(span + " status").isEqualTo(e.getStatus());
      assertThat(a.getResource()).as(span + " resource").isEqualTo(e.getResource());
      assertThat(a.getInstrumentationScopeInfo()).as(span + " scope").isEqualTo(e.getInstrumentationScopeInfo());
      assertThat(a.getTotalRecordedEvents()).as(span + " event count").isEqualTo(e.getTotalRecordedEvents());
      assertThat(a.getTotalRecordedLinks()).as(span + " link count").isEqualTo(e.getTotalRecordedLinks());
      assertThat(a.getEvents()).as(span + " events").hasSameSizeAs(e.getEvents());
      for (int j = 0; j < e.getEvents().size(); j++) {
        EventData ae = a.getEvents().get(j);
        EventData ee = e.getEvents().get(j);
        assertThat(ae.getName()).isEqualTo(ee.getName());
        assertThat(ae.getEpochNanos()).isEqualTo(ee.getEpochNanos());
        assertThat(attributeMap(ae.getAttributes())).isEqualTo(attributeMap(ee.getAttributes()));
        assertThat(ae.getTotalAttributeCount()).isEqualTo(ee.getTotalAttributeCount());
      }
      assertThat(a.getLinks()).as(span + " links").hasSameSizeAs(e.getLinks());
      for (int j = 0; j < e.getLinks().size(); j++) {
        LinkData al = a.getLinks().get(j);
        LinkData el = e.getLinks().get(j);
        assertThat(al.getSpanContext()).isEqualTo(el.getSpanContext());
        assertThat(attributeMap(al.getAttributes())).isEqualTo(attributeMap(el.getAttributes()));
        assertThat(al.getTotalAttributeCount()).isEqualTo(el.getTotalAttributeCount());
      }
    }
  }

  private static Map<AttributeKey<?>, Object> attributeMap(Attributes attributes) {
    return attributes.asMap();
  }
}
