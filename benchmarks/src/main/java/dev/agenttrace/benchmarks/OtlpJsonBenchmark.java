package dev.agenttrace.benchmarks;

import com.google.protobuf.util.JsonFormat;
import dev.agenttrace.benchmarks.WeatherFixture.Wiring;
import dev.agenttrace.otlp.OtlpJson;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * OTLP/JSON read and write throughput of {@link OtlpJson} against protobuf-java-util's {@link JsonFormat} parser and
 * printer on the OTLP protocol's own classes, on the same document: the weather agent's spans (5 per run, with
 * messages, usage, events and links) written by {@code OtlpJson}. Scores are operations (whole documents) per
 * second; MB/s = score × document size, which the set-up prints.
 *
 * <p>{@code JsonFormat} decodes the hex ids as base64 (protobuf's JSON mapping of {@code bytes}); the bytes differ,
 * the work is the same. Reading by {@code OtlpJson} includes building the {@code SpanData} and the duplicate and
 * cycle checks; {@code JsonFormat} stops at the protobuf message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OtlpJsonBenchmark {
  private static final int SPANS_PER_RUN = 5;

  @Param({"10000"})
  public int spans;

  private byte[] document;
  private List<SpanData> spanData;
  private ExportTraceServiceRequest message;

  @Setup
  public void writeDocument() throws IOException {
    AgentTrace trace;
    try (WeatherFixture fixture = new WeatherFixture(Wiring.HARNESS_WITH_CAPTURE)) {
      trace = fixture.runsInOneTrace(spans / SPANS_PER_RUN);
    }
    spanData = trace.spans().stream().map(TraceSpan::data).toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OtlpJson.writer().write(spanData, out);
    document = out.toByteArray();
    message = jsonFormatRead();
    if (OtlpJson.readSpans(new ByteArrayInputStream(document)).size() != spans
        || message.getResourceSpans(0).getScopeSpansList().stream().mapToInt(s -> s.getSpansCount()).sum() != spans) {
      throw new IllegalStateException("the document does not hold " + spans + " spans");
    }
    System.out.printf("%nOTLP JSON document: %d spans, %.2f MB (OtlpJson), JsonFormat prints %.2f MB%n", spans,
        document.length / 1e6, jsonFormatWrite().length / 1e6);
  }

  @Benchmark
  public List<SpanData> otlpJsonRead() {
    return OtlpJson.readSpans(new ByteArrayInputStream(document));
  }

  @Benchmark
  public ExportTraceServiceRequest jsonFormatRead() throws IOException {
    ExportTraceServiceRequest.Builder builder = ExportTraceServiceRequest.newBuilder();
    JsonFormat.parser().ignoringUnknownFields()
        .merge(new InputStreamReader(new ByteArrayInputStream(document), StandardCharsets.UTF_8), builder);
    return builder.build();
  }

  @Benchmark
  public byte[] otlpJsonWrite() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(document.length);
    OtlpJson.writer().write(spanData, out);
    return out.toByteArray();
  }

  @Benchmark
  public byte[] jsonFormatWrite() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(document.length);
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      JsonFormat.printer().omittingInsignificantWhitespace().appendTo(message, writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
