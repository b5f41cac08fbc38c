package dev.agenttrace.otlp;

import dev.agenttrace.trace.AgentTrace;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Traces in the OTLP/JSON encoding, in and out: the format the OpenTelemetry Collector's file exporter writes, OTLP/HTTP
 * JSON bodies carry, and every OTLP tool reads.
 *
 * <pre>{@code
 * AgentTrace trace = OtlpJson.read(Path.of("src/test/resources/weather-agent.otlp.json"));
 * assertThat(trace).llmCalls().hasSize(2);
 * OtlpJson.write(trace, Path.of("target/weather-agent.otlp.json"));
 * }</pre>
 *
 * <p>Reading accepts one {@code ExportTraceServiceRequest} document or several in a row (JSON Lines, one request per
 * line), streams with Jackson's parser (no JSON tree; a 100 MB file needs memory for its spans, not for its text),
 * takes ids as hex, 64-bit integers as strings or numbers, enums as integers or names, and field names in
 * lowerCamelCase or proto's snake_case; unknown fields are skipped. Spans may come in any order and name parents that
 * are not in the file (they become orphans). An identical span sent twice is kept once; two different spans with the
 * same ids, and parent cycles, are rejected. Every malformed input raises an {@link OtlpJsonException} naming the JSON
 * path, the line and what was expected. Writing then reading gives the same spans, field for field.
 */
public final class OtlpJson {
  private OtlpJson() {}

  /** Reads the OTLP/JSON (or JSON Lines) file {@code file} into a trace. */
  public static AgentTrace read(Path file) {
    return AgentTrace.of(readSpans(file));
  }

  /** Reads OTLP/JSON (or JSON Lines) from {@code in} (not closed) into a trace. */
  public static AgentTrace read(InputStream in) {
    return AgentTrace.of(readSpans(in));
  }

  /** The spans of the OTLP/JSON file {@code file}, checked for duplicates and parent cycles, in file order. */
  public static List<SpanData> readSpans(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return readSpans(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read OTLP JSON file " + file.toAbsolutePath() + ": " + e, e);
    }
  }

  /** The spans of the OTLP/JSON in {@code in} (not closed), checked for duplicates and parent cycles, in input order. */
  public static List<SpanData> readSpans(InputStream in) {
    Objects.requireNonNull(in, "in");
    SpanIntegrity spans = new SpanIntegrity();
    OtlpJsonReader.read(in, spans::add);
    return spans.spans();
  }

  /**
   * Streams the spans of {@code in} (not closed) to {@code action} one by one, as each {@code resourceSpans} entry is
   * complete, holding none of them: for inputs too large to keep. No duplicate or cycle check (that needs them all).
   */
  public static void forEachSpan(InputStream in, Consumer<? super SpanData> action) {
    Objects.requireNonNull(action, "action");
    OtlpJsonReader.read(Objects.requireNonNull(in, "in"), (span, origin) -> action.accept(span));
  }

  /** Writes the finished spans of {@code trace} to {@code file} atomically; returns the absolute path written. */
  public static Path write(AgentTrace trace, Path file) {
    return writer().write(trace, file);
  }

  /** Writes the finished spans of {@code trace} to {@code out} (not closed). */
  public static void write(AgentTrace trace, OutputStream out) {
    writer().write(trace, out);
  }

  /** The writer, to configure before writing, e.g. {@code writer().transformingText(redaction)}. */
  public static OtlpJsonWriter writer() {
    return OtlpJsonWriter.DEFAULT;
  }
}
