package dev.agenttrace.trace.dialect;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.trace.dialect.FixtureSpan.span;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SpanCategory;
import dev.agenttrace.trace.SpanConventions;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spans already in AgentTrace's conventions and spans no dialect matches pass through untouched — the same objects,
 * no copy — and a normalized span keeps everything the original recorded.
 */
class DialectPassThroughTest {
  private final SpanDialects dialects = SpanDialects.standard();

  @Test
  void aTraceInAgentTracesConventionsIsReturnedAsItIs() {
    List<SpanData> own = new ArrayList<>();
    WeatherFacts.all().nativeSpans().forEach(data -> own.add(data));
    List<SpanData> fromTheRuntime = own.stream().map(data -> (SpanData) new RescopedSpan(data)).toList();

    assertThat(dialects.normalize(own)).isSameAs(own);
    assertThat(dialects.normalize(fromTheRuntime)).isSameAs(fromTheRuntime);
  }

  @Test
  void aSpanNoDialectMatchesStaysAPlainSpan() {
    SpanData http = span(1, "GET /weather").attr("http.request.method", "GET").attr("url.path", "/weather").data();
    SpanData nameAlike = span(2, "agent.weather_agent").attr("agent.status", "waiting").data();   // no execution id
    List<SpanData> spans = List.of(http, nameAlike);

    assertThat(dialects.normalize(spans)).isSameAs(spans);
    assertThat(AgentTrace.of(spans).spans()).allSatisfy(span -> {
      assertThat(span.category()).isEqualTo(SpanCategory.OTHER);
      assertThat(span.attribute(SpanConventions.DIALECT)).isEmpty();
    });
  }

  @Test
  void onlyTheForeignSpansOfAMixedTraceAreReplaced() {
    List<SpanData> polos = DialectFixtures.polos().spans();
    SpanData plain = span(9, "GET /weather").parent(WeatherFacts.TOOL_ID).time(30, 40).data();
    List<SpanData> mixed = new ArrayList<>(polos);
    mixed.add(plain);

    List<SpanData> normalized = List.copyOf(dialects.normalize(mixed));

    assertThat(normalized).hasSize(mixed.size());
    assertThat(normalized.get(mixed.size() - 1)).isSameAs(plain);
    assertThat(normalized.subList(0, polos.size())).allSatisfy(span -> assertThat(span).isInstanceOf(NormalizedSpan.class));
    assertThat(dialects.normalize((Collection<SpanData>) normalized)).isSameAs(normalized);
  }

  @Test
  void aNormalizedSpanKeepsIdsParentTimesStatusEventsLinksAndAttributes() {
    SpanData original = span(4, "agent.weather_agent").parent(7).time(70, 100).link(1).error("boom")
        .attr("agent.execution_id", "exec-1").attr("agent.status", "failed")
        .attr("agent.error", "{\"message\":\"boom\",\"type\":\"ValueError\"}")
        .event("agent.resumed", 70, Attributes.empty()).data();

    SpanData normalized = dialects.normalize(original);

    assertThat(normalized.getSpanContext()).isEqualTo(original.getSpanContext());
    assertThat(normalized.getParentSpanContext()).isEqualTo(original.getParentSpanContext());
    assertThat(normalized.getStartEpochNanos()).isEqualTo(original.getStartEpochNanos());
    assertThat(normalized.getEndEpochNanos()).isEqualTo(original.getEndEpochNanos());
    assertThat(normalized.getStatus()).isEqualTo(original.getStatus());
    assertThat(normalized.getLinks()).isEqualTo(original.getLinks());
    assertThat(normalized.getResource()).isEqualTo(original.getResource());
    assertThat(normalized.getEvents()).containsAll(original.getEvents())
        .extracting(event -> event.getName()).containsExactly("agent.resumed", SpanConventions.EVENT_RESUME);
    original.getAttributes().forEach((key, value) -> assertThat(normalized.getAttributes().get(key)).isEqualTo(value));
    assertThat(normalized.getAttributes().get(SpanConventions.SEGMENT_OUTCOME)).isEqualTo("failed");
    assertThat(normalized.getAttributes().get(SpanConventions.ERROR_TYPE)).isEqualTo("ValueError");
    assertThat(normalized.getAttributes().get(SpanConventions.EXECUTION_ID)).isEqualTo("exec-1");
    assertThat(AgentTrace.of(List.of(normalized)).errors()).singleElement()
        .satisfies(error -> assertThat(error.type()).isEqualTo("ValueError"));
  }

  @Test
  void aValueRecordedOnTheSpanWinsOverOneDerivedFromIt() {
    SpanData span = span(1, "call").attr("openinference.span.kind", "LLM").attr("llm.model_name", "gpt-4o")
        .attr("gen_ai.request.model", "gpt-4o-mini").attr("llm.token_count.prompt", 5).data();

    SpanData normalized = dialects.normalize(span);

    assertThat(normalized.getAttributes().get(SpanConventions.GEN_AI_REQUEST_MODEL)).isEqualTo("gpt-4o-mini");
    assertThat(normalized.getAttributes().get(SpanConventions.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(5L);
    assertThat(normalized.getName()).isEqualTo("chat gpt-4o-mini");
  }

  /** A span as AgentTrace's own runtime writes it: its instrumentation scope is {@code dev.agenttrace.runtime}. */
  private static final class RescopedSpan extends io.opentelemetry.sdk.trace.data.DelegatingSpanData {
    RescopedSpan(SpanData delegate) {
      super(delegate);
    }

    @Override
    public io.opentelemetry.sdk.common.InstrumentationScopeInfo getInstrumentationScopeInfo() {
      return io.opentelemetry.sdk.common.InstrumentationScopeInfo.create("dev.agenttrace.runtime");
    }
  }
}
