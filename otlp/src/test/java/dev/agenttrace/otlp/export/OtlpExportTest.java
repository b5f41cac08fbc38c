package dev.agenttrace.otlp.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.trace.AgentTrace;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Export against a loopback OTLP endpoint whose requests are decoded with opentelemetry-proto's own classes; a down or
 * silent backend gives a failed result within the timeout, never an exception.
 */
class OtlpExportTest {
  private static final TestIdentity TEST =
      new TestIdentity("com.example.WeatherAgentTest", "answersWithTheWeather", "answers with the weather()", "[engine:junit-jupiter]/[method:x]");

  private final List<ExportTraceServiceRequest> requests = new CopyOnWriteArrayList<>();
  private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer backend;

  @AfterEach
  void stop() {
    release.countDown();
    if (backend != null) {
      backend.stop(0);
    }
  }

  @Test
  void theTraceArrivesWithTheTestsIdentityAndTheHeadersFromTheEnvironment() throws Exception {
    String endpoint = startBackend(200, false);
    Map<String, String> environment = Map.of("AGENTTRACE_OTLP_HEADERS", "api-key=s3cr%3Dt, x-team = agents");

    try (OtlpExport export = OtlpExport.builder().endpoint(endpoint).gzip(true)
        .headersFromEnvironment("AGENTTRACE_OTLP_HEADERS", environment::get).build()) {
      ExportResult result = export.export(weatherTrace(), TEST);

      assertThat(result.isSuccess()).as(result.message()).isTrue();
      assertThat(result.spans()).isEqualTo(3);
      assertThat(result.message()).isEqualTo("Exported the trace of WeatherAgentTest.answersWithTheWeather (3 spans) to "
          + endpoint);
      assertThat(export.toString()).doesNotContain("s3cr");
    }
    assertThat(headers).singleElement().satisfies(sent -> {
      assertThat(sent.get("Api-key")).containsExactly("s3cr=t");
      assertThat(sent.get("X-team")).containsExactly("agents");
      assertThat(sent.get("Content-type")).containsExactly("application/x-protobuf");
      assertThat(sent.get("Content-encoding")).containsExactly("gzip");
    });
    ExportTraceServiceRequest request = requests.get(0);
    assertThat(request.getResourceSpansList()).singleElement().satisfies(resourceSpans -> {
      assertThat(attributes(resourceSpans))
          .containsEntry(TestIdentity.CLASS, "com.example.WeatherAgentTest")
          .containsEntry(TestIdentity.METHOD, "answersWithTheWeather")
          .containsEntry(TestIdentity.DISPLAY_NAME, "answers with the weather()")
          .containsEntry(TestIdentity.UNIQUE_ID, "[engine:junit-jupiter]/[method:x]")
          .containsKey("service.name");
      assertThat(resourceSpans.getScopeSpansList()).flatExtracting(scope -> scope.getSpansList())
          .extracting(span -> span.getName())
          .containsExactlyInAnyOrder("invoke_agent weather", "chat gpt-4o", "execute_tool get_weather");
    });
  }

  @Test
  void secretsInAttributesEventsAndStatusNeverReachTheBackend() throws Exception {
    String endpoint = startBackend(200, false);
    TraceCapture capture = TraceCapture.create();
    Span span = capture.openTelemetry().getTracer("test").spanBuilder("call provider")
        .setAttribute(io.opentelemetry.api.common.AttributeKey.stringArrayKey("http.request.header.authorization"),
            List.of("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"))
        .setAttribute("gen_ai.tool.call.arguments", "{\"api_key\":\"sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12\"}")
        .setAttribute("db.password_count", 3L)
        .startSpan();
    span.addEvent("retry", io.opentelemetry.api.common.Attributes.of(
        io.opentelemetry.api.common.AttributeKey.stringKey("note"), "key sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv was refused"));
    span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, "401 for token ghp_0123456789abcdefghijABCDEFGHIJ0123");
    span.end();

    try (OtlpExport export = OtlpExport.builder().endpoint(endpoint).build()) {
      assertThat(export.export(capture.trace(), TEST).isSuccess()).isTrue();
    }
    String sent = requests.get(0).toString();
    assertThat(sent).contains("call provider", "gen_ai.tool.call.arguments", "http.request.header.authorization")
        .doesNotContain("eyJhbGciOiJIUzI1NiJ9", "sk-proj-Ab12", "sk-ant-api03", "ghp_0123456789");
    capture.close();
  }

  @Test
  void aDownBackendCostsAWarningNotAnException() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      freePort = socket.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + freePort + "/v1/traces";

    try (OtlpExport export = OtlpExport.builder().endpoint(endpoint).timeout(Duration.ofSeconds(2)).build()) {
      ExportResult result = export.export(weatherTrace(), TEST);

      assertThat(result.isSuccess()).isFalse();
      assertThat(result.message())
          .startsWith("AgentTrace could not export the trace of WeatherAgentTest.answersWithTheWeather (3 spans) to "
              + endpoint + ": ")
          .endsWith(". The test's result is unaffected.");
    }
  }

  @Test
  void aBackendThatRefusesCostsAWarning() throws Exception {
    String endpoint = startBackend(503, false);

    try (OtlpExport export = OtlpExport.builder().endpoint(endpoint).build()) {
      ExportResult result = export.export(weatherTrace(), TEST);

      assertThat(result.isSuccess()).isFalse();
      assertThat(result.message()).contains("could not export", endpoint);
    }
    assertThat(requests).hasSize(1);   // one attempt, no retries
  }

  @Test
  void aBackendThatNeverAnswersCostsAtMostTheTimeout() throws Exception {
    String endpoint = startBackend(200, true);

    try (OtlpExport export = OtlpExport.builder().endpoint(endpoint).timeout(Duration.ofMillis(300)).build()) {
      ExportResult result = export.export(weatherTrace(), TEST);

      assertThat(result.isSuccess()).isFalse();
      assertThat(result.message()).contains("could not export");
    }
  }

  @Test
  void anEmptyTraceSendsNothing() throws Exception {
    String endpoint = startBackend(200, false);

    try (OtlpExport export = OtlpExport.builder().endpoint(endpoint).build()) {
      assertThat(export.export(AgentTrace.empty(), TEST).isSuccess()).isTrue();
    }
    assertThat(requests).isEmpty();
  }

  @Test
  void badConfigurationIsExplained() {
    assertThatThrownBy(() -> OtlpExport.builder().endpoint("localhost:4318"))
        .hasMessageContaining("must be an http:// or https:// URL such as http://localhost:4318/v1/traces");
    assertThatThrownBy(() -> OtlpExport.builder().headersFromEnvironment("H", name -> "api-key"))
        .hasMessage("Environment variable H must hold headers as name=value,name2=value2; one entry has no "
            + "name=value form");
    assertThatThrownBy(() -> OtlpExport.builder().headersFromEnvironment("H", name -> "token:abc123secret"))
        .message().doesNotContain("abc123secret");
    assertThatThrownBy(() -> OtlpExport.builder().timeout(Duration.ZERO)).hasMessageContaining("must be positive");
  }

  private String startBackend(int status, boolean silent) throws IOException {
    backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    backend.createContext("/v1/traces", exchange -> {
      try (exchange) {
        headers.add(Map.copyOf(exchange.getRequestHeaders()));
        boolean gzip = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        try (InputStream body = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
          requests.add(ExportTraceServiceRequest.parseFrom(body));
        }
        if (silent) {
          release.await();
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(status, -1);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    });
    backend.start();
    return "http://127.0.0.1:" + backend.getAddress().getPort() + "/v1/traces";
  }

  private static Map<String, String> attributes(ResourceSpans resourceSpans) {
    return resourceSpans.getResource().getAttributesList().stream()
        .collect(Collectors.toMap(KeyValue::getKey, keyValue -> keyValue.getValue().getStringValue()));
  }

  private static AgentTrace weatherTrace() {
    try (TraceCapture capture = TraceCapture.create()) {
      Tracer tracer = capture.tracer("weather");
      Span segment = tracer.spanBuilder("invoke_agent weather").startSpan();
      tracer.spanBuilder("chat gpt-4o").setParent(Context.root().with(segment)).startSpan().end();
      tracer.spanBuilder("execute_tool get_weather").setParent(Context.root().with(segment)).startSpan().end();
      segment.end();
      return capture.trace();
    }
  }
}
