package dev.agenttrace.otlp.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedInputStream;
import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.trace.TraceSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The receiver speaks OTLP/HTTP as the spec says, and what it receives joins the test's capture unchanged. */
class OtlpReceiverTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String TRACE = "5b8efff798038103d269b633813fc60c";

  private final TraceCapture capture = TraceCapture.create();
  private final OtlpReceiver receiver = OtlpReceiver.start(capture);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    receiver.close();
    capture.close();
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void spansExportedByTheStockJavaExporterJoinTheCaptureFieldForField(boolean gzip) {
    InMemorySpanExporter sent = InMemorySpanExporter.create();
    SpanExporter otlp = OtlpHttpSpanExporter.builder().setEndpoint(receiver.tracesEndpoint())
        .setCompression(gzip ? "gzip" : "none").build();
    try (SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "in-jvm")))
        .addSpanProcessor(SimpleSpanProcessor.create(SpanExporter.composite(sent, otlp)))
        .build()) {
      Span root = provider.get("test").spanBuilder("invoke_agent weather").setSpanKind(SpanKind.SERVER)
          .setAttribute(AttributeKey.valueKey("config"), Value.of(KeyValue.of("model", Value.of("gpt-4o")),
              KeyValue.of("bytes", Value.of(new byte[] {1, 2}))))
          .setAttribute(AttributeKey.longArrayKey("ints"), List.of(1L, 2L))
          .startSpan();
      Span chat = provider.get("test").spanBuilder("chat gpt-4o").setParent(Context.root().with(root))
          .setSpanKind(SpanKind.CLIENT).addLink(root.getSpanContext(), Attributes.of(AttributeKey.stringKey("k"), "v"))
          .startSpan();
      chat.addEvent("gen_ai.choice", Attributes.of(AttributeKey.longKey("index"), 0L));
      chat.setStatus(StatusCode.ERROR, "rate limited");
      chat.end();
      root.end();
      List<SpanData> expected = sent.getFinishedSpanItems();

      receiver.awaitSpans(2, WAIT);

      // the capture's trace holds them (the model may add a dialect's conventional attributes to a foreign span:
      // the gen_ai.choice event here) ...
      assertThat(capture.trace().spans()).extracting(TraceSpan::name)
          .containsExactlyInAnyOrder("invoke_agent weather", "chat gpt-4o");
      // ... and what the capture received is what the stock exporter sent, field for field
      List<SpanData> captured = receiver.receivedSpans().stream()
          .sorted(Comparator.comparing(SpanData::getName).reversed()).toList();
      assertThat(captured).extracting(SpanData::getName).containsExactly("invoke_agent weather", "chat gpt-4o");
      List<SpanData> sorted = expected.stream().sorted(Comparator.comparing(SpanData::getName).reversed()).toList();
      for (int i = 0; i < sorted.size(); i++) {
        SpanData a = captured.get(i);
        SpanData e = sorted.get(i);
        assertThat(a.getSpanContext()).isEqualTo(e.getSpanContext());
        assertThat(a.getParentSpanId()).isEqualTo(e.getParentSpanId());
        assertThat(a.getKind()).isEqualTo(e.getKind());
        assertThat(a.getStartEpochNanos()).isEqualTo(e.getStartEpochNanos());
        assertThat(a.getEndEpochNanos()).isEqualTo(e.getEndEpochNanos());
        assertThat(a.getAttributes().asMap()).isEqualTo(e.getAttributes().asMap());
        assertThat(a.getStatus()).isEqualTo(e.getStatus());
        assertThat(a.getResource()).isEqualTo(e.getResource());
        assertThat(a.getInstrumentationScopeInfo()).isEqualTo(e.getInstrumentationScopeInfo());
        assertThat(a.getEvents()).extracting(event -> event.getName() + event.getAttributes().asMap())
            .isEqualTo(e.getEvents().stream().map(event -> event.getName() + event.getAttributes().asMap()).toList());
        assertThat(a.getLinks()).extracting(link -> link.getSpanContext().getSpanId() + link.getAttributes().asMap())
            .isEqualTo(e.getLinks().stream().map(link -> link.getSpanContext().getSpanId() + link.getAttributes().asMap())
                .toList());
      }
    }
  }

  @Test
  void aJsonBodyGzippedIsAcceptedWithAnEmptyJsonResponse() throws Exception {
    String json = jsonSpan("0000000000000001", "from json");

    HttpResponse<String> response = post(gzip(json.getBytes(StandardCharsets.UTF_8)), "application/json", "gzip");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{}");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(capture.trace().spans()).extracting(TraceSpan::name).containsExactly("from json");
  }

  @Test
  void aProtobufBodyGetsAnEmptyProtobufResponse() throws Exception {
    HttpResponse<String> response = post(request(TRACE, "0000000000000001").toByteArray(), "application/x-protobuf", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
    assertThat(receiver.receivedSpans()).extracting(SpanData::getName).containsExactly("proto span");
  }

  @Test
  void spansWithInvalidIdsAreRejectedAsAPartialSuccess() throws Exception {
    ExportTraceServiceRequest mixed = request(TRACE, "0000000000000001").toBuilder()
        .mergeFrom(request("00000000000000000000000000000000", "0000000000000002")).build();

    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(receiver.tracesEndpoint()))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(mixed.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    ExportTraceServiceResponse body = ExportTraceServiceResponse.parseFrom(response.body());
    assertThat(body.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
    assertThat(body.getPartialSuccess().getErrorMessage())
        .startsWith("resourceSpans[1].scopeSpans[0].spans[0]: invalid trace id '00000000000000000000000000000000'");
    assertThat(receiver.receivedSpans()).hasSize(1);
  }

  @Test
  void malformedJsonGets400WithTheJsonPathInAStatusBody() throws Exception {
    String json = jsonSpan("0000000000000001", "bad").replace("\"kind\":1", "\"kind\":\"sideways\"");

    HttpResponse<String> response = post(json.getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("{\"code\":3,\"message\":\"Could not decode the OTLP/JSON body: "
        + "$.resourceSpans[0].scopeSpans[0].spans[0].kind: expected a span kind");
    assertThat(capture.trace().isEmpty()).isTrue();
  }

  @Test
  void malformedProtobufGets400WithAGoogleRpcStatus() throws Exception {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(receiver.tracesEndpoint()))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0x0a, 0x7f, 0x01})).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(400);
    CodedInputStream status = CodedInputStream.newInstance(response.body());
    assertThat(status.readTag()).isEqualTo(1 << 3);
    assertThat(status.readInt32()).isEqualTo(3);
    assertThat(status.readTag()).isEqualTo(2 << 3 | 2);
    assertThat(status.readString()).startsWith("Could not decode the OTLP protobuf body:");
  }

  @Test
  void otherPathsMethodsAndContentTypesGetTheirStatusCodes() throws Exception {
    HttpRequest wrongPath = HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/metrics"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    HttpRequest get = HttpRequest.newBuilder(URI.create(receiver.tracesEndpoint())).GET().build();
    HttpRequest text = HttpRequest.newBuilder(URI.create(receiver.tracesEndpoint()))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("spans")).build();
    HttpRequest brotli = HttpRequest.newBuilder(URI.create(receiver.tracesEndpoint()))
        .header("Content-Type", "application/json").header("Content-Encoding", "br")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

    assertThat(http.send(wrongPath, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    HttpResponse<String> getResponse = http.send(get, HttpResponse.BodyHandlers.ofString());
    assertThat(getResponse.statusCode()).isEqualTo(405);
    assertThat(getResponse.headers().firstValue("Allow")).hasValue("POST");
    assertThat(http.send(text, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
    HttpResponse<String> brotliResponse = http.send(brotli, HttpResponse.BodyHandlers.ofString());
    assertThat(brotliResponse.statusCode()).isEqualTo(415);
    assertThat(brotliResponse.body()).contains("Unsupported Content-Encoding 'br'");
  }

  @Test
  void awaitingSpansThatNeverComeFailsListingWhatDidArrive() throws Exception {
    post(jsonSpan("0000000000000001", "the only span").getBytes(StandardCharsets.UTF_8), "application/json", null);
    post("{".getBytes(StandardCharsets.UTF_8), "application/json", null);

    assertThatThrownBy(() -> receiver.awaitSpans(3, Duration.ofMillis(50)))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expected at least 3 spans at " + receiver.tracesEndpoint() + " within PT0.05S, but "
            + "1 span arrived:\n  - 'the only span' (INTERNAL, trace " + TRACE + ", span 0000000000000001, scope t)\n"
            + "2 requests:\n  - 200 JSON, ")
        .hasMessageContaining("\n  - 400 JSON, 1 bytes: Could not decode the OTLP/JSON body: $: malformed JSON");
  }

  @Test
  void awaitingReturnsOnceTheConditionHolds() throws Exception {
    post(jsonSpan("0000000000000001", "agent done").getBytes(StandardCharsets.UTF_8), "application/json", null);

    assertThat(receiver.awaitSpanNamed("agent done", WAIT)).extracting(SpanData::getName).containsExactly("agent done");
    assertThatThrownBy(() -> receiver.awaitSpanNamed("never", Duration.ZERO))
        .hasMessageStartingWith("Expected a span named 'never' at ");
  }

  @Test
  void spansArrivingAfterTheCaptureClosedGet503AndAreNotLost() throws Exception {
    capture.close();

    HttpResponse<String> response =
        post(jsonSpan("0000000000000001", "late").getBytes(StandardCharsets.UTF_8), "application/json", null);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("The spans could not be added: The capture is closed: 1 span(s) arrived");
  }

  @Test
  void theExporterEnvironmentPointsAtThisReceiver() {
    assertThat(receiver.endpoint()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(receiver.exporterEnvironment())
        .containsEntry("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.endpoint() + "/v1/traces")
        .containsEntry("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
  }

  @Test
  void aSinkOtherThanACaptureGetsEachRequestsSpans() throws Exception {
    List<List<SpanData>> batches = new ArrayList<>();
    try (OtlpReceiver plain = OtlpReceiver.start(batches::add)) {
      http.send(HttpRequest.newBuilder(URI.create(plain.tracesEndpoint())).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(jsonSpan("0000000000000001", "x"))).build(),
          HttpResponse.BodyHandlers.discarding());
      plain.awaitSpans(1, WAIT);
    }
    assertThat(batches).singleElement().satisfies(batch -> assertThat(batch).hasSize(1));
  }

  private HttpResponse<String> post(byte[] body, String contentType, String encoding) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.tracesEndpoint()))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ExportTraceServiceRequest request(String traceId, String spanId) {
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(
        ScopeSpans.newBuilder().addSpans(io.opentelemetry.proto.trace.v1.Span.newBuilder()
            .setTraceId(com.google.protobuf.ByteString.fromHex(traceId))
            .setSpanId(com.google.protobuf.ByteString.fromHex(spanId))
            .setName("proto span").setStartTimeUnixNano(1).setEndTimeUnixNano(2)))).build();
  }

  private static String jsonSpan(String spanId, String name) {
    return "{\"resourceSpans\":[{\"scopeSpans\":[{\"scope\":{\"name\":\"t\"},\"spans\":[{\"traceId\":\"" + TRACE
        + "\",\"spanId\":\"" + spanId + "\",\"name\":\"" + name + "\",\"kind\":1,\"startTimeUnixNano\":\"1\","
        + "\"endTimeUnixNano\":\"2\"}]}]}]}";
  }

  private static byte[] gzip(byte[] bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }
}
