package dev.agenttrace.otlp.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.otlp.OtlpJson;
import dev.agenttrace.otlp.OtlpJsonException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace endpoint for one test, on a free loopback port: {@code POST /v1/traces} with protobuf
 * ({@code application/x-protobuf}) or JSON ({@code application/json}) bodies, optionally gzip-compressed. Every span
 * it receives joins the test's {@link TraceCapture}, so {@code AgentTraceAssertions} see spans exported by an agent in
 * another process or language, or by a Spring Boot app with its usual OTLP exporter.
 *
 * <pre>{@code
 * try (OtlpReceiver receiver = OtlpReceiver.start(capture)) {
 *   Process agent = new ProcessBuilder("node", "agent.js").inheritIO();
 *   agent.environment().putAll(receiver.exporterEnvironment());
 *   agent.start().waitFor();
 *   receiver.awaitSpans(3, Duration.ofSeconds(10));
 *   assertThat(capture.trace()).llmCalls().hasSize(2);
 * }
 * }</pre>
 *
 * <p>Responses follow the OTLP/HTTP spec: 200 with an {@code ExportTraceServiceResponse} in the request's encoding
 * (with {@code partialSuccess} for spans that were rejected), 400 with a {@code google.rpc.Status} for a body that
 * cannot be decoded, 404 for other paths, 405 for other methods, 413 for bodies over the size limit, 415 for other
 * content types or encodings. Runs on the JDK's built-in HTTP server: no dependency, no port to configure.
 */
public final class OtlpReceiver implements AutoCloseable {
  /** The path OTLP/HTTP exporters post traces to. */
  public static final String TRACES_PATH = "/v1/traces";
  private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private final Consumer<List<SpanData>> sink;
  private final ReceivedSpans received = new ReceivedSpans();
  private final HttpServer server;
  private final ExecutorService executor;

  private OtlpReceiver(Consumer<List<SpanData>> sink) throws IOException {
    this.sink = sink;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor = Executors.newFixedThreadPool(2, task -> {
      Thread thread = new Thread(task, "agenttrace-otlp-receiver");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a receiver whose spans join {@code capture}. */
  public static OtlpReceiver start(TraceCapture capture) {
    Objects.requireNonNull(capture, "capture");
    return start(capture::addFinishedSpans);
  }

  /**
   * Starts a receiver that hands each request's spans to {@code sink} (on a receiver thread), for captures other
   * than a {@link TraceCapture}. A sink that throws makes the request fail with 503, its message in the body.
   */
  public static OtlpReceiver start(Consumer<List<SpanData>> sink) {
    Objects.requireNonNull(sink, "sink");
    try {
      return new OtlpReceiver(sink);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the OTLP receiver on a loopback port: " + e.getMessage(), e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:43117}: the value for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
  public String endpoint() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  /** The traces URL, {@link #endpoint()} + {@code /v1/traces}: for {@code OtlpHttpSpanExporter.setEndpoint}. */
  public String tracesEndpoint() {
    return endpoint() + TRACES_PATH;
  }

  /**
   * The environment that points a process's stock OpenTelemetry SDK (any language) at this receiver over
   * OTLP/HTTP protobuf, with batching short enough for tests: add it to a {@code ProcessBuilder}'s environment.
   */
  public Map<String, String> exporterEnvironment() {
    return Map.of(
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", tracesEndpoint(),
        "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
        "OTEL_TRACES_EXPORTER", "otlp",
        "OTEL_METRICS_EXPORTER", "none",
        "OTEL_LOGS_EXPORTER", "none",
        "OTEL_BSP_SCHEDULE_DELAY", "100");
  }

  /** Every span received so far, in arrival order. */
  public List<SpanData> receivedSpans() {
    return received.spans();
  }

  /**
   * Waits until at least {@code count} spans arrived, at most {@code timeout}.
   *
   * @return the spans received by then
   * @throws AssertionError when they did not arrive in time, listing what did arrive and every request
   */
  public List<SpanData> awaitSpans(int count, Duration timeout) {
    return awaitSpans(spans -> spans.size() >= count, "at least " + count + (count == 1 ? " span" : " spans"),
        timeout);
  }

  /** Waits until a span named {@code name} arrived, at most {@code timeout}; see {@link #awaitSpans(int, Duration)}. */
  public List<SpanData> awaitSpanNamed(String name, Duration timeout) {
    return awaitSpans(spans -> spans.stream().anyMatch(span -> span.getName().equals(name)),
        "a span named '" + name + "'", timeout);
  }

  /**
   * Waits until {@code condition} holds for the spans received so far, at most {@code timeout}.
   *
   * @param description what the condition expects, for the failure message ("the agent's root span")
   * @return the spans received by then
   * @throws AssertionError when it did not hold in time, listing what did arrive and every request
   */
  public List<SpanData> awaitSpans(Predicate<? super List<SpanData>> condition, String description, Duration timeout) {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(timeout, "timeout");
    try {
      List<SpanData> spans = received.await(condition, timeout);
      if (spans != null) {
        return spans;
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for " + description + " at " + tracesEndpoint(), interrupted);
    }
    throw new AssertionError("Expected " + description + " at " + tracesEndpoint() + " within " + timeout + ", but "
        + received.describe());
  }

  /** Stops the server; spans already received stay in the capture and in {@link #receivedSpans()}. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "OtlpReceiver[" + tracesEndpoint() + "]";
  }

  // ---- HTTP ----

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String contentType = mediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
      boolean json = OtlpHttpBody.JSON.equals(contentType);
      if (!TRACES_PATH.equals(exchange.getRequestURI().getPath())) {
        rejected(exchange, 404, json, 5, "Not found: this OTLP receiver takes traces at " + TRACES_PATH + ", not "
            + exchange.getRequestURI().getPath());
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        rejected(exchange, 405, json, 12, "Method " + exchange.getRequestMethod() + " not allowed: POST OTLP trace "
            + "requests to " + TRACES_PATH);
        return;
      }
      if (!json && !OtlpHttpBody.PROTOBUF.equals(contentType)) {
        rejected(exchange, 415, false, 3, "Unsupported Content-Type '" + contentType + "': send "
            + OtlpHttpBody.PROTOBUF + " or " + OtlpHttpBody.JSON);
        return;
      }
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      boolean gzip = encoding != null && encoding.strip().equalsIgnoreCase("gzip");
      if (encoding != null && !gzip && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
        rejected(exchange, 415, json, 3, "Unsupported Content-Encoding '" + encoding + "': send gzip or none");
        return;
      }
      byte[] body;
      try (InputStream in = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      } catch (IOException badGzip) {
        rejected(exchange, 400, json, 3, "Could not decompress the gzip body: " + badGzip.getMessage());
        return;
      }
      if (body.length > MAX_BODY_BYTES) {
        rejected(exchange, 413, json, 8, "Body larger than " + MAX_BODY_BYTES + " bytes: export smaller batches");
        return;
      }
      accept(exchange, json, gzip, body);
    }
  }

  private void accept(HttpExchange exchange, boolean json, boolean gzip, byte[] body) throws IOException {
    String request = (json ? "JSON" : "protobuf") + (gzip ? " (gzip)" : "") + ", " + body.length + " bytes";
    List<SpanData> spans;
    long rejectedSpans = 0;
    String rejection = "";
    try {
      if (json) {
        spans = OtlpJson.readSpans(new ByteArrayInputStream(body));
      } else {
        ProtoSpans decoded = ProtoSpans.of(ExportTraceServiceRequest.parseFrom(body));
        spans = decoded.spans;
        rejectedSpans = decoded.rejected;
        rejection = decoded.firstRejection == null ? "" : decoded.firstRejection;
      }
    } catch (OtlpJsonException | InvalidProtocolBufferException undecodable) {
      rejected(exchange, 400, json, 3, "Could not decode the " + (json ? "OTLP/JSON" : "OTLP protobuf") + " body: "
          + undecodable.getMessage(), request);
      return;
    }
    try {
      sink.accept(spans);
    } catch (RuntimeException refused) {
      rejected(exchange, 503, json, 14, "The spans could not be added: " + refused.getMessage(), request);
      return;
    }
    received.accepted(spans, "200 " + request + ": " + spans.size() + " spans"
        + (rejectedSpans > 0 ? ", " + rejectedSpans + " rejected: " + rejection : ""));
    respond(exchange, 200, OtlpHttpBody.success(json, rejectedSpans, rejection));
  }

  private void rejected(HttpExchange exchange, int httpStatus, boolean json, int rpcCode, String message)
      throws IOException {
    rejected(exchange, httpStatus, json, rpcCode, message, exchange.getRequestMethod() + " "
        + exchange.getRequestURI().getPath() + " (" + exchange.getRequestHeaders().getFirst("Content-Type") + ")");
  }

  private void rejected(HttpExchange exchange, int httpStatus, boolean json, int rpcCode, String message,
      String request) throws IOException {
    received.rejected(httpStatus + " " + request + ": " + message);
    respond(exchange, httpStatus, OtlpHttpBody.status(json, rpcCode, message));
  }

  private static void respond(HttpExchange exchange, int status, OtlpHttpBody body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", body.contentType());
    exchange.sendResponseHeaders(status, body.bytes().length == 0 ? -1 : body.bytes().length);
    if (body.bytes().length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body.bytes());
      }
    }
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int parameters = contentType.indexOf(';');
    return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
  }
}
