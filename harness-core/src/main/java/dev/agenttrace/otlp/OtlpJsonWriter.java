package dev.agenttrace.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.agenttrace.files.AtomicFiles;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes spans as one OTLP/JSON {@code ExportTraceServiceRequest} on one line (so files can be concatenated into JSON
 * Lines): spans grouped by resource, then by instrumentation scope, in trace order; ids as lowercase hex, times and
 * 64-bit integers as decimal strings, enums as integers, as the OTLP spec prescribes. Immutable; get one from
 * {@link OtlpJson#writer()}.
 *
 * <pre>{@code
 * OtlpJson.writer().transformingText(redaction).write(trace, reportDir.resolve("trace.otlp.json"));
 * }</pre>
 */
public final class OtlpJsonWriter {
  static final OtlpJsonWriter DEFAULT = new OtlpJsonWriter(TextTransformer.NONE);
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final TextTransformer text;

  private OtlpJsonWriter(TextTransformer text) {
    this.text = text;
  }

  /** A writer that passes every string attribute value and status message through {@code transformer}. */
  public OtlpJsonWriter transformingText(TextTransformer transformer) {
    return new OtlpJsonWriter(Objects.requireNonNull(transformer, "transformer"));
  }

  /** Writes the finished spans of {@code trace} to {@code file} atomically; returns the absolute path written. */
  public Path write(AgentTrace trace, Path file) {
    List<SpanData> spans = spansOf(trace);
    return AtomicFiles.write(file, out -> write(spans, out));
  }

  /** Writes the finished spans of {@code trace} to {@code out} as UTF-8 (not closed). */
  public void write(AgentTrace trace, OutputStream out) {
    write(spansOf(trace), out);
  }

  /** Writes {@code spans} to {@code out} as UTF-8 (not closed). */
  public void write(Collection<? extends SpanData> spans, OutputStream out) {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      writeRequest(spans, json);
      json.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write OTLP JSON: " + e.getMessage(), e);
    }
  }

  /** The spans as an OTLP/JSON document, for tests and small traces. */
  public String toJson(Collection<? extends SpanData> spans) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    write(spans, out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private void write(Collection<? extends SpanData> spans, Writer out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      writeRequest(spans, json);
      json.writeRaw('\n');
    }
  }

  private static List<SpanData> spansOf(AgentTrace trace) {
    List<SpanData> spans = new ArrayList<>(trace.size());
    for (TraceSpan span : trace.spans()) {
      spans.add(span.data());
    }
    return spans;
  }

  private void writeRequest(Collection<? extends SpanData> spans, JsonGenerator json) throws IOException {
    Map<Resource, Map<InstrumentationScopeInfo, List<SpanData>>> grouped = new LinkedHashMap<>();
    for (SpanData span : spans) {
      grouped.computeIfAbsent(span.getResource(), resource -> new LinkedHashMap<>())
          .computeIfAbsent(span.getInstrumentationScopeInfo(), scope -> new ArrayList<>())
          .add(span);
    }
    json.writeStartObject();
    json.writeArrayFieldStart("resourceSpans");
    for (Map.Entry<Resource, Map<InstrumentationScopeInfo, List<SpanData>>> resource : grouped.entrySet()) {
      json.writeStartObject();
      json.writeObjectFieldStart("resource");
      writeAttributes("attributes", resource.getKey().getAttributes(), json);
      json.writeEndObject();
      json.writeArrayFieldStart("scopeSpans");
      for (Map.Entry<InstrumentationScopeInfo, List<SpanData>> scope : resource.getValue().entrySet()) {
        writeScopeSpans(scope.getKey(), scope.getValue(), json);
      }
      json.writeEndArray();
      writeOptional("schemaUrl", resource.getKey().getSchemaUrl(), json);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void writeScopeSpans(InstrumentationScopeInfo scope, List<SpanData> spans, JsonGenerator json)
      throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("scope");
    json.writeStringField("name", scope.getName());
    writeOptional("version", scope.getVersion(), json);
    writeAttributes("attributes", scope.getAttributes(), json);
    json.writeEndObject();
    json.writeArrayFieldStart("spans");
    for (SpanData span : spans) {
      writeSpan(span, json);
    }
    json.writeEndArray();
    writeOptional("schemaUrl", scope.getSchemaUrl(), json);
    json.writeEndObject();
  }

  private void writeSpan(SpanData span, JsonGenerator json) throws IOException {
    SpanContext context = span.getSpanContext();
    SpanContext parent = span.getParentSpanContext();
    json.writeStartObject();
    json.writeStringField("traceId", context.getTraceId());
    json.writeStringField("spanId", context.getSpanId());
    writeTraceState(context.getTraceState(), json);
    if (parent.isValid()) {
      json.writeStringField("parentSpanId", parent.getSpanId());
    }
    json.writeNumberField("flags", flags(context, parent.isValid() && parent.isRemote()));
    json.writeStringField("name", span.getName());
    json.writeNumberField("kind", kind(span.getKind()));
    json.writeStringField("startTimeUnixNano", Long.toString(span.getStartEpochNanos()));
    json.writeStringField("endTimeUnixNano", Long.toString(span.getEndEpochNanos()));
    writeAttributes("attributes", span.getAttributes(), json);
    writeDropped(span.getTotalAttributeCount() - span.getAttributes().size(), json);
    if (!span.getEvents().isEmpty()) {
      json.writeArrayFieldStart("events");
      for (EventData event : span.getEvents()) {
        json.writeStartObject();
        json.writeStringField("timeUnixNano", Long.toString(event.getEpochNanos()));
        json.writeStringField("name", event.getName());
        writeAttributes("attributes", event.getAttributes(), json);
        writeDropped(event.getDroppedAttributesCount(), json);
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    writeCount("droppedEventsCount", span.getTotalRecordedEvents() - span.getEvents().size(), json);
    if (!span.getLinks().isEmpty()) {
      json.writeArrayFieldStart("links");
      for (LinkData link : span.getLinks()) {
        SpanContext linked = link.getSpanContext();
        json.writeStartObject();
        json.writeStringField("traceId", linked.getTraceId());
        json.writeStringField("spanId", linked.getSpanId());
        writeTraceState(linked.getTraceState(), json);
        writeAttributes("attributes", link.getAttributes(), json);
        writeDropped(link.getTotalAttributeCount() - link.getAttributes().size(), json);
        json.writeNumberField("flags", flags(linked, linked.isRemote()));
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    writeCount("droppedLinksCount", span.getTotalRecordedLinks() - span.getLinks().size(), json);
    writeStatus(span.getStatus(), json);
    json.writeEndObject();
  }

  private void writeStatus(StatusData status, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("status");
    if (!status.getDescription().isEmpty()) {
      json.writeStringField("message", text.transform("status.message", status.getDescription()));
    }
    json.writeNumberField("code", OtlpMapping.number(status.getStatusCode()));
    json.writeEndObject();
  }

  private void writeAttributes(String field, Attributes attributes, JsonGenerator json) throws IOException {
    json.writeArrayFieldStart(field);
    IOException[] failure = new IOException[1];
    attributes.forEach((key, value) -> {
      if (failure[0] == null) {
        try {
          writeAttribute(key, value, json);
        } catch (IOException e) {
          failure[0] = e;
        }
      }
    });
    if (failure[0] != null) {
      throw failure[0];
    }
    json.writeEndArray();
  }

  private void writeAttribute(AttributeKey<?> key, Object value, JsonGenerator json) throws IOException {
    String name = key.getKey();
    json.writeStartObject();
    json.writeStringField("key", name);
    json.writeObjectFieldStart("value");
    switch (key.getType()) {
      case STRING -> json.writeStringField("stringValue", text.transform(name, (String) value));
      case BOOLEAN -> json.writeBooleanField("boolValue", (Boolean) value);
      case LONG -> json.writeStringField("intValue", value.toString());
      case DOUBLE -> writeDouble((Double) value, json);
      case STRING_ARRAY, BOOLEAN_ARRAY, LONG_ARRAY, DOUBLE_ARRAY -> {
        json.writeObjectFieldStart("arrayValue");
        json.writeArrayFieldStart("values");
        for (Object element : (List<?>) value) {
          json.writeStartObject();
          writeScalar(name, element, json);
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      case VALUE -> writeValueFields(name, (Value<?>) value, json);
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private void writeScalar(String key, Object value, JsonGenerator json) throws IOException {
    if (value instanceof String string) {
      json.writeStringField("stringValue", text.transform(key, string));
    } else if (value instanceof Boolean bool) {
      json.writeBooleanField("boolValue", bool);
    } else if (value instanceof Long number) {
      json.writeStringField("intValue", number.toString());
    } else {
      writeDouble((Double) value, json);
    }
  }

  /** The fields of an AnyValue object for {@code value} (the object itself is opened by the caller). */
  private void writeValueFields(String key, Value<?> value, JsonGenerator json) throws IOException {
    switch (value.getType()) {
      case STRING, BOOLEAN, LONG, DOUBLE -> writeScalar(key, value.getValue(), json);
      case BYTES -> {
        ByteBuffer bytes = ((ByteBuffer) value.getValue()).duplicate();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        json.writeStringField("bytesValue", Base64.getEncoder().encodeToString(copy));
      }
      case ARRAY -> {
        json.writeObjectFieldStart("arrayValue");
        json.writeArrayFieldStart("values");
        for (Object element : (List<?>) value.getValue()) {
          json.writeStartObject();
          writeValueFields(key, (Value<?>) element, json);
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      case KEY_VALUE_LIST -> {
        json.writeObjectFieldStart("kvlistValue");
        json.writeArrayFieldStart("values");
        for (Object element : (List<?>) value.getValue()) {
          KeyValue entry = (KeyValue) element;
          json.writeStartObject();
          json.writeStringField("key", entry.getKey());
          json.writeObjectFieldStart("value");
          writeValueFields(entry.getKey(), entry.getValue(), json);
          json.writeEndObject();
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      case EMPTY -> { }   // the empty AnyValue: {}
    }
  }

  private static void writeDouble(double value, JsonGenerator json) throws IOException {
    if (Double.isNaN(value)) {
      json.writeStringField("doubleValue", "NaN");
    } else if (Double.isInfinite(value)) {
      json.writeStringField("doubleValue", value > 0 ? "Infinity" : "-Infinity");
    } else {
      json.writeNumberField("doubleValue", value);
    }
  }

  private static void writeTraceState(TraceState state, JsonGenerator json) throws IOException {
    if (!state.isEmpty()) {
      json.writeStringField("traceState", OtlpMapping.traceStateText(state));
    }
  }

  private static int flags(SpanContext context, boolean remote) {
    return OtlpMapping.flags(context, remote);
  }

  private static int kind(SpanKind kind) {
    return OtlpMapping.number(kind);
  }

  private static void writeDropped(int dropped, JsonGenerator json) throws IOException {
    writeCount("droppedAttributesCount", dropped, json);
  }

  private static void writeCount(String field, int count, JsonGenerator json) throws IOException {
    if (count > 0) {
      json.writeNumberField(field, count);
    }
  }

  private static void writeOptional(String field, String value, JsonGenerator json) throws IOException {
    if (value != null && !value.isEmpty()) {
      json.writeStringField(field, value);
    }
  }
}
