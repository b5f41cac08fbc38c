package dev.agenttrace.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.agenttrace.benchmarks.WeatherFixture.Wiring;
import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.EventData;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
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
 * Cost of writing a test's HTML report ({@link HtmlReport#render}: the typed views, redaction and cutting of every
 * value, the JSON, its neutralization and the page) for traces of 1,000 and 10,000 spans from weather-agent runs
 * (5 spans each). Scores are milliseconds per report.
 *
 * <p>Baseline {@link #jacksonSpans}: Jackson's streaming generator writing the same spans' raw data (ids, name, kind,
 * times, status, attributes, events) as JSON — the least any JSON export of the trace costs. The set-up prints the
 * bytes per span of both outputs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportBenchmark {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final int SPANS_PER_RUN = 5;

  @Param({"1000", "10000"})
  public int spans;

  private AgentTrace trace;
  private ReportInfo info;

  /** Captures the trace once per trial (sizes of both outputs: {@link ReportSizes}). */
  @Setup
  public void captureTrace() {
    try (WeatherFixture fixture = new WeatherFixture(Wiring.HARNESS_WITH_CAPTURE)) {
      trace = fixture.runsInOneTrace(spans / SPANS_PER_RUN);
    }
    if (trace.size() != spans) {
      throw new IllegalStateException("expected " + spans + " spans, captured " + trace.size());
    }
    info = ReportInfo.titled("ReportBenchmark " + spans);
  }

  /** The full self-contained report page. */
  @Benchmark
  public String htmlReport() {
    return HtmlReport.render(trace, info);
  }

  /** Baseline: the spans' raw data as JSON through Jackson's streaming generator. */
  @Benchmark
  public String jacksonSpans() {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartArray();
      for (TraceSpan span : trace.spans()) {
        json.writeStartObject();
        json.writeStringField("traceId", span.traceId());
        json.writeStringField("spanId", span.spanId());
        json.writeStringField("parentSpanId", span.parentSpanId().orElse(null));
        json.writeStringField("name", span.name());
        json.writeStringField("kind", span.kind().name());
        json.writeNumberField("start", span.startEpochNanos());
        json.writeNumberField("end", span.endEpochNanos());
        json.writeStringField("status", span.statusCode().name());
        writeAttributes(json, span.attributes().asMap());
        json.writeArrayFieldStart("events");
        for (EventData event : span.events()) {
          json.writeStartObject();
          json.writeStringField("name", event.getName());
          json.writeNumberField("time", event.getEpochNanos());
          writeAttributes(json, event.getAttributes().asMap());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeAttributes(JsonGenerator json, Map<AttributeKey<?>, Object> attributes)
      throws IOException {
    json.writeObjectFieldStart("attributes");
    for (Map.Entry<AttributeKey<?>, Object> entry : attributes.entrySet()) {
      json.writeStringField(entry.getKey().getKey(), String.valueOf(entry.getValue()));
    }
    json.writeEndObject();
  }
}
