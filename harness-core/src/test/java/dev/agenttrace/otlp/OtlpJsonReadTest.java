package dev.agenttrace.otlp;

import static dev.agenttrace.otlp.OtlpJsonRoundTripTest.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading hand-written OTLP/JSON: every AnyValue kind, both number encodings, JSON Lines, order and parents. */
class OtlpJsonReadTest {
  private static final String T1 = "5b8efff798038103d269b633813fc60c";
  private static final String T2 = "5B8EFFF798038103D269B633813FC60D";

  @Test
  void readsEveryAnyValueKindAndBothNumberEncodings() {
    String json = """
        {"resourceSpans":[{
          "scopeSpans":[{"scope":{"name":"manual","version":"1.0","attributes":[{"key":"s","value":{"stringValue":"x"}}]},
            "spans":[{"traceId":"%s","spanId":"eee19b7ec3c1b174","name":"all values","kind":3,
              "startTimeUnixNano":1544712660000000000,"endTimeUnixNano":"1544712661000000000",
              "attributes":[
                {"key":"str","value":{"stringValue":"text"}},
                {"key":"bool","value":{"boolValue":true}},
                {"key":"int as string","value":{"intValue":"-42"}},
                {"key":"int as number","value":{"intValue":7}},
                {"key":"double","value":{"doubleValue":2.5}},
                {"key":"nan","value":{"doubleValue":"NaN"}},
                {"key":"strings","value":{"arrayValue":{"values":[{"stringValue":"a"},{"stringValue":"b"}]}}},
                {"key":"ints","value":{"arrayValue":{"values":[{"intValue":"1"},{"intValue":2}]}}},
                {"key":"empty array","value":{"arrayValue":{}}},
                {"key":"mixed","value":{"arrayValue":{"values":[{"stringValue":"a"},{"boolValue":false}]}}},
                {"key":"map","value":{"kvlistValue":{"values":[{"key":"k","value":{"intValue":"1"}},
                  {"key":"inner","value":{"kvlistValue":{"values":[]}}}]}}},
                {"key":"bytes","value":{"bytesValue":"AAEC/w=="}},
                {"key":"empty","value":{}}
              ],
              "droppedAttributesCount":2,
              "status":{"code":2,"message":"boom"}}]}],
          "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},
          "schemaUrl":"https://opentelemetry.io/schemas/1.30.0"}]}
        """.formatted(T1);

    SpanData span = OtlpJson.readSpans(stream(json)).get(0);

    Attributes attributes = span.getAttributes();
    assertThat(attributes.get(AttributeKey.stringKey("str"))).isEqualTo("text");
    assertThat(attributes.get(AttributeKey.booleanKey("bool"))).isTrue();
    assertThat(attributes.get(AttributeKey.longKey("int as string"))).isEqualTo(-42L);
    assertThat(attributes.get(AttributeKey.longKey("int as number"))).isEqualTo(7L);
    assertThat(attributes.get(AttributeKey.doubleKey("double"))).isEqualTo(2.5);
    assertThat(attributes.get(AttributeKey.doubleKey("nan"))).isNaN();
    assertThat(attributes.get(AttributeKey.stringArrayKey("strings"))).containsExactly("a", "b");
    assertThat(attributes.get(AttributeKey.longArrayKey("ints"))).containsExactly(1L, 2L);
    assertThat(attributes.get(AttributeKey.stringArrayKey("empty array"))).isEmpty();
    assertThat(attributes.get(AttributeKey.valueKey("mixed"))).isEqualTo(Value.of(Value.of("a"), Value.of(false)));
    assertThat(attributes.get(AttributeKey.valueKey("map"))).isEqualTo(Value.of(
        KeyValue.of("k", Value.of(1L)), KeyValue.of("inner", Value.of(new KeyValue[0]))));
    assertThat(attributes.get(AttributeKey.valueKey("bytes")).getValue())
        .isEqualTo(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff}));
    assertThat(attributes.get(AttributeKey.valueKey("empty"))).isEqualTo(Value.empty());
    assertThat(span.getTotalAttributeCount()).isEqualTo(attributes.size() + 2);
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getStartEpochNanos()).isEqualTo(1544712660000000000L);
    assertThat(span.getEndEpochNanos()).isEqualTo(1544712661000000000L);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getStatus().getDescription()).isEqualTo("boom");
    assertThat(span.getResource().getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("svc");
    assertThat(span.getResource().getSchemaUrl()).isEqualTo("https://opentelemetry.io/schemas/1.30.0");
    assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("manual");
    assertThat(span.getInstrumentationScopeInfo().getVersion()).isEqualTo("1.0");
    assertThat(span.getInstrumentationScopeInfo().getAttributes().get(AttributeKey.stringKey("s"))).isEqualTo("x");
  }

  @Test
  void readsJsonLinesWithSeveralTracesSpansInAnyOrderAndMissingParents() {
    String jsonLines = line(T1, "0000000000000002", "0000000000000001", "child", 2) + "\n"
        + line(T1, "0000000000000001", "", "root", 1) + "\n"
        + "\n"
        + line(T2, "00000000000000aa", "00000000000000ff", "orphan", 3) + "\n";

    AgentTrace trace = OtlpJson.read(stream(jsonLines));

    assertThat(trace.spans()).extracting(TraceSpan::name).containsExactly("root", "child", "orphan");
    assertThat(trace.roots()).extracting(TraceSpan::name).containsExactly("root", "orphan");
    assertThat(trace.span("00000000000000aa").orElseThrow().isOrphan()).isTrue();
    assertThat(trace.span("00000000000000aa").orElseThrow().traceId()).isEqualTo(T2.toLowerCase());
    assertThat(trace.span("0000000000000002").orElseThrow().depth()).isEqualTo(1);
    assertThat(trace.notes()).isEmpty();
  }

  @Test
  void anIdenticalSpanSentTwiceIsKeptOnce() {
    String once = line(T1, "0000000000000001", "", "root", 1);

    AgentTrace trace = OtlpJson.read(stream(once + "\n" + once + "\n"));

    assertThat(trace.spans()).extracting(TraceSpan::name).containsExactly("root");
    assertThat(trace.notes()).isEmpty();
  }

  @Test
  void acceptsSnakeCaseNamesEnumNamesNullsAndSkipsUnknownFields() {
    String json = """
        {"resource_spans":[{"resource":null,"scope_spans":[{"scope":{"name":"s"},"spans":[
          {"trace_id":"%s","span_id":"0000000000000001","parent_span_id":"","name":"snake","kind":"SPAN_KIND_PRODUCER",
           "start_time_unix_nano":"1","end_time_unix_nano":"2","status":{"code":"STATUS_CODE_OK"},
           "somethingNew":{"nested":[1,2,{"x":null}]},"events":null,"links":[]}]}],
          "futureField":true}],"extra":[]}
        """.formatted(T1);

    SpanData span = OtlpJson.readSpans(stream(json)).get(0);

    assertThat(span.getName()).isEqualTo("snake");
    assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.OK);
    assertThat(span.getParentSpanContext().isValid()).isFalse();
    assertThat(span.getEndEpochNanos()).isEqualTo(2L);
  }

  @Test
  void readsEventsAndLinksWithDroppedCountsAndRemoteFlags() {
    String json = """
        {"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"%1$s","spanId":"0000000000000001","name":"s",
          "parentSpanId":"0000000000000009","flags":769,
          "events":[{"timeUnixNano":"5","name":"gen_ai.choice","attributes":[{"key":"index","value":{"intValue":"0"}}],
                     "droppedAttributesCount":1}],
          "droppedEventsCount":4,
          "links":[{"traceId":"%1$s","spanId":"0000000000000003","traceState":"a=1,b=2","flags":769,
                    "attributes":[],"droppedAttributesCount":3}],
          "droppedLinksCount":1}]}]}]}
        """.formatted(T1);

    SpanData span = OtlpJson.readSpans(stream(json)).get(0);

    assertThat(span.getSpanContext().isSampled()).isTrue();
    assertThat(span.getParentSpanContext().isRemote()).isTrue();
    assertThat(span.getEvents()).singleElement().satisfies(event -> {
      assertThat(event.getName()).isEqualTo("gen_ai.choice");
      assertThat(event.getEpochNanos()).isEqualTo(5L);
      assertThat(event.getTotalAttributeCount()).isEqualTo(2);
    });
    assertThat(span.getTotalRecordedEvents()).isEqualTo(5);
    assertThat(span.getLinks()).singleElement().satisfies(link -> {
      assertThat(link.getSpanContext().getSpanId()).isEqualTo("0000000000000003");
      assertThat(link.getSpanContext().isRemote()).isTrue();
      assertThat(link.getSpanContext().getTraceState().get("b")).isEqualTo("2");
      assertThat(link.getTotalAttributeCount()).isEqualTo(3);
    });
    assertThat(span.getTotalRecordedLinks()).isEqualTo(2);
  }

  @Test
  void anEmptyInputIsAnEmptyTrace() {
    assertThat(OtlpJson.read(stream("  \n")).isEmpty()).isTrue();
    assertThat(OtlpJson.read(stream("{}")).isEmpty()).isTrue();
  }

  @Test
  void forEachSpanStreamsTheSpansInInputOrder() {
    List<String> names = new java.util.ArrayList<>();

    OtlpJson.forEachSpan(stream(line(T1, "0000000000000002", "", "b", 2) + line(T1, "0000000000000001", "", "a", 1)),
        span -> names.add(span.getName()));

    assertThat(names).containsExactly("b", "a");
  }

  static String line(String traceId, String spanId, String parentId, String name, long start) {
    return ("{\"resourceSpans\":[{\"resource\":{\"attributes\":[]},\"scopeSpans\":[{\"scope\":{\"name\":\"t\"},"
        + "\"spans\":[{\"traceId\":\"%s\",\"spanId\":\"%s\",\"parentSpanId\":\"%s\",\"name\":\"%s\",\"kind\":1,"
        + "\"startTimeUnixNano\":\"%d\",\"endTimeUnixNano\":\"%d\"}]}]}]}")
        .formatted(traceId, spanId, parentId, name, start, start + 10);
  }
}
