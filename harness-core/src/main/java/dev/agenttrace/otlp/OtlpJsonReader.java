package dev.agenttrace.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Streams the OTLP/JSON encoding of {@code ExportTraceServiceRequest}s with Jackson's {@link JsonParser}: one
 * document, or several one after the other (JSON Lines as the Collector's file exporter writes them). Holds at most
 * one {@code resourceSpans} entry in memory (its resource may come after its spans); hands every span to a
 * {@link SpanSink} as soon as its resource is known. Unknown fields are skipped, as the OTLP spec requires.
 */
final class OtlpJsonReader {
  /** Where the spans go, with the position they were read at. */
  interface SpanSink {
    void accept(SpanData span, SpanOrigin origin);
  }

  private static final JsonFactory JSON = JsonFactory.builder().build();
  private final JsonParser parser;
  private final SpanSink sink;
  private final JsonPath path = new JsonPath();
  private int documentLine;

  private OtlpJsonReader(JsonParser parser, SpanSink sink) {
    this.parser = parser;
    this.sink = sink;
  }

  /** Reads every request in {@code in} (not closed) and hands each span to {@code sink}. */
  static void read(InputStream in, SpanSink sink) {
    try (JsonParser parser = JSON.createParser(in)) {
      parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      new OtlpJsonReader(parser, sink).readAll();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read OTLP JSON: " + e.getMessage(), e);
    }
  }

  private void readAll() throws IOException {
    while (true) {
      JsonToken token;
      try {
        token = parser.nextToken();
      } catch (JsonProcessingException malformed) {
        throw malformedJson(malformed);
      }
      if (token == null) {
        return;
      }
      path.reset();
      documentLine = parser.currentTokenLocation().getLineNr();
      try {
        if (token != JsonToken.START_OBJECT) {
          throw fail(null, "expected a JSON object (an ExportTraceServiceRequest with resourceSpans), got " + found());
        }
        readRequest();
      } catch (JsonProcessingException malformed) {
        throw malformedJson(malformed);
      }
    }
  }

  private void readRequest() throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value != JsonToken.VALUE_NULL && (name.equals("resourceSpans") || name.equals("resource_spans"))) {
        path.field("resourceSpans");
        expectArray("an array of ResourceSpans");
        for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
          path.index(i);
          readResourceSpans(i);
        }
        path.leave();
      } else {
        parser.skipChildren();
      }
    }
  }

  private void readResourceSpans(int resourceIndex) throws IOException {
    expectObject("a ResourceSpans object");
    Attributes attributes = Attributes.empty();
    String schemaUrl = null;
    List<TestSpanData.Builder> spans = new ArrayList<>();
    List<SpanOrigin> origins = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (parser.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "resource" -> {
          path.field("resource");
          attributes = readResource();
          path.leave();
        }
        case "scopeSpans", "scope_spans" -> {
          path.field("scopeSpans");
          expectArray("an array of ScopeSpans");
          for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
            path.index(i);
            readScopeSpans(resourceIndex, i, spans, origins);
          }
          path.leave();
        }
        case "schemaUrl", "schema_url" -> schemaUrl = readString(name);
        default -> parser.skipChildren();
      }
    }
    Resource resource = Resource.create(attributes, emptyToNull(schemaUrl));
    for (int i = 0; i < spans.size(); i++) {
      sink.accept(spans.get(i).setResource(resource).build(), origins.get(i));
    }
  }

  private Attributes readResource() throws IOException {
    expectObject("a Resource object");
    Attributes attributes = Attributes.empty();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (parser.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      if (name.equals("attributes")) {
        attributes = readAttributes(name);
      } else {
        parser.skipChildren();  // droppedAttributesCount, entityRefs: not part of OpenTelemetry's Resource
      }
    }
    return attributes;
  }

  private void readScopeSpans(int resourceIndex, int scopeIndex, List<TestSpanData.Builder> spans,
      List<SpanOrigin> origins) throws IOException {
    expectObject("a ScopeSpans object");
    String scopeName = "";
    String scopeVersion = null;
    Attributes scopeAttributes = Attributes.empty();
    String schemaUrl = null;
    int first = spans.size();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (parser.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "scope" -> {
          path.field("scope");
          expectObject("an InstrumentationScope object");
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (parser.nextToken() == JsonToken.VALUE_NULL) {
              continue;
            }
            switch (field) {
              case "name" -> scopeName = readString(field);
              case "version" -> scopeVersion = readString(field);
              case "attributes" -> scopeAttributes = readAttributes(field);
              default -> parser.skipChildren();
            }
          }
          path.leave();
        }
        case "spans" -> {
          path.field("spans");
          expectArray("an array of Span objects");
          for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
            path.index(i);
            int line = parser.currentTokenLocation().getLineNr();
            spans.add(readSpan());
            origins.add(new SpanOrigin(documentLine, line, resourceIndex, scopeIndex, i));
          }
          path.leave();
        }
        case "schemaUrl", "schema_url" -> schemaUrl = readString(name);
        default -> parser.skipChildren();
      }
    }
    InstrumentationScopeInfo scope = InstrumentationScopeInfo.builder(scopeName)
        .setVersion(emptyToNull(scopeVersion))
        .setSchemaUrl(emptyToNull(schemaUrl))
        .setAttributes(scopeAttributes)
        .build();
    for (int i = first; i < spans.size(); i++) {
      spans.get(i).setInstrumentationScopeInfo(scope);
    }
  }

  private TestSpanData.Builder readSpan() throws IOException {
    expectObject("a Span object");
    String traceId = null;
    String spanId = null;
    String parentSpanId = null;
    String traceState = "";
    int flags = 0;
    String name = "";
    SpanKind kind = SpanKind.INTERNAL;
    long start = 0;
    long end = 0;
    Attributes attributes = Attributes.empty();
    long droppedAttributes = 0;
    List<EventData> events = List.of();
    long droppedEvents = 0;
    List<LinkData> links = List.of();
    long droppedLinks = 0;
    StatusData status = StatusData.unset();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      if (parser.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (field) {
        case "traceId", "trace_id" -> traceId = readId(field, TraceId.getLength());
        case "spanId", "span_id" -> spanId = readId(field, SpanId.getLength());
        case "parentSpanId", "parent_span_id" -> parentSpanId = readId(field, SpanId.getLength());
        case "traceState", "trace_state" -> traceState = readString(field);
        case "flags" -> flags = (int) readUnsigned(field, "a number (fixed32 span flags)");
        case "name" -> name = readString(field);
        case "kind" -> kind = readKind(field);
        case "startTimeUnixNano", "start_time_unix_nano" -> start = readNanos(field);
        case "endTimeUnixNano", "end_time_unix_nano" -> end = readNanos(field);
        case "attributes" -> attributes = readAttributes(field);
        case "droppedAttributesCount", "dropped_attributes_count" -> droppedAttributes = readCount(field);
        case "events" -> events = readEvents(field);
        case "droppedEventsCount", "dropped_events_count" -> droppedEvents = readCount(field);
        case "links" -> links = readLinks(field);
        case "droppedLinksCount", "dropped_links_count" -> droppedLinks = readCount(field);
        case "status" -> status = readStatus(field);
        default -> parser.skipChildren();
      }
    }
    requireValidIds(traceId, spanId, "traceId", "spanId", "span");
    TraceState state = parseTraceState(traceState, "traceState");
    TraceFlags traceFlags = TraceFlags.fromByte((byte) (flags & 0xff));
    SpanContext context = SpanContext.create(traceId, spanId, traceFlags, state);
    SpanContext parent = parentSpanId == null || parentSpanId.equals(SpanId.getInvalid())
        ? SpanContext.getInvalid()
        : remoteFlag(flags)
            ? SpanContext.createFromRemoteParent(traceId, parentSpanId, traceFlags, state)
            : SpanContext.create(traceId, parentSpanId, traceFlags, state);
    return TestSpanData.builder()
        .setSpanContext(context)
        .setParentSpanContext(parent)
        .setName(name)
        .setKind(kind)
        .setStartEpochNanos(start)
        .setEndEpochNanos(end)
        .setHasEnded(true)
        .setAttributes(attributes)
        .setTotalAttributeCount(total(attributes.size(), droppedAttributes))
        .setEvents(events)
        .setTotalRecordedEvents(total(events.size(), droppedEvents))
        .setLinks(links)
        .setTotalRecordedLinks(total(links.size(), droppedLinks))
        .setStatus(status);
  }

  private List<EventData> readEvents(String field) throws IOException {
    return readArrayField(field, "an array of Event objects", this::readEvent);
  }

  private EventData readEvent() throws IOException {
    expectObject("an Event object");
    long time = 0;
    String name = "";
    Attributes attributes = Attributes.empty();
    long dropped = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      if (parser.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (field) {
        case "timeUnixNano", "time_unix_nano" -> time = readNanos(field);
        case "name" -> name = readString(field);
        case "attributes" -> attributes = readAttributes(field);
        case "droppedAttributesCount", "dropped_attributes_count" -> dropped = readCount(field);
        default -> parser.skipChildren();
      }
    }
    return EventData.create(time, name, attributes, total(attributes.size(), dropped));
  }

  private List<LinkData> readLinks(String field) throws IOException {
    return readArrayField(field, "an array of Link objects", this::readLink);
  }

  private LinkData readLink() throws IOException {
    expectObject("a Link object");
    String traceId = null;
    String spanId = null;
    String traceState = "";
    int flags = 0;
    Attributes attributes = Attributes.empty();
    long dropped = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (parser.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "traceId", "trace_id" -> traceId = readId(name, TraceId.getLength());
        case "spanId", "span_id" -> spanId = readId(name, SpanId.getLength());
        case "traceState", "trace_state" -> traceState = readString(name);
        case "flags" -> flags = (int) readUnsigned(name, "a number (fixed32 span flags)");
        case "attributes" -> attributes = readAttributes(name);
        case "droppedAttributesCount", "dropped_attributes_count" -> dropped = readCount(name);
        default -> parser.skipChildren();
      }
    }
    requireValidIds(traceId, spanId, "traceId", "spanId", "link");
    TraceState state = parseTraceState(traceState, "traceState");
    TraceFlags traceFlags = TraceFlags.fromByte((byte) (flags & 0xff));
    SpanContext context = remoteFlag(flags)
        ? SpanContext.createFromRemoteParent(traceId, spanId, traceFlags, state)
        : SpanContext.create(traceId, spanId, traceFlags, state);
    return LinkData.create(context, attributes, total(attributes.size(), dropped));
  }

  private StatusData readStatus(String field) throws IOException {
    path.field(field);
    expectObject("a Status object");
    String message = "";
    StatusCode code = StatusCode.UNSET;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (parser.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "message" -> message = readString(name);
        case "code" -> code = readStatusCode(name);
        default -> parser.skipChildren();
      }
    }
    path.leave();
    return StatusData.create(code, message);
  }

  // ---- attributes and AnyValue ----

  private Attributes readAttributes(String field) throws IOException {
    AttributesBuilder attributes = Attributes.builder();
    for (KeyValue keyValue : readArrayField(field, "an array of KeyValue objects", this::readKeyValue)) {
      OtlpMapping.putAttribute(attributes, keyValue.getKey(), keyValue.getValue());
    }
    return attributes.build();
  }

  private KeyValue readKeyValue() throws IOException {
    expectObject("a KeyValue object ({\"key\": ..., \"value\": {...}})");
    String key = null;
    Value<?> value = Value.empty();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (parser.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "key" -> key = readString(name);
        case "value" -> {
          path.field(name);
          value = readAnyValue();
          path.leave();
        }
        default -> parser.skipChildren();
      }
    }
    if (key == null || key.isEmpty()) {
      throw fail(null, "attribute has no key");
    }
    return KeyValue.of(key, value);
  }

  private Value<?> readAnyValue() throws IOException {
    expectObject("an AnyValue object (stringValue, boolValue, intValue, doubleValue, arrayValue, kvlistValue or "
        + "bytesValue)");
    Value<?> value = Value.empty();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (parser.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "stringValue", "string_value" -> value = Value.of(readString(name));
        case "boolValue", "bool_value" -> value = Value.of(readBoolean(name));
        case "intValue", "int_value" -> value = Value.of(readSigned(name));
        case "doubleValue", "double_value" -> value = Value.of(readDouble(name));
        case "bytesValue", "bytes_value" -> value = Value.of(readBytes(name));
        case "arrayValue", "array_value" -> value = Value.of(readValueList(name));
        case "kvlistValue", "kvlist_value" -> value = Value.of(readKeyValueList(name));
        default -> parser.skipChildren();
      }
    }
    return value;
  }

  private List<Value<?>> readValueList(String field) throws IOException {
    return readValuesObject(field, "an ArrayValue object ({\"values\": [...]})", "an array of AnyValue objects",
        this::readAnyValue);
  }

  private KeyValue[] readKeyValueList(String field) throws IOException {
    return readValuesObject(field, "a KeyValueList object ({\"values\": [...]})", "an array of KeyValue objects",
        this::readKeyValue).toArray(KeyValue[]::new);
  }

  /** The {@code values} array of an {@code ArrayValue} or {@code KeyValueList} object in field {@code field}. */
  private <T> List<T> readValuesObject(String field, String expectedObject, String expectedArray,
      ElementReader<T> element) throws IOException {
    path.field(field);
    expectObject(expectedObject);
    List<T> values = List.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (parser.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      if (name.equals("values")) {
        path.field(name);
        values = readElements(expectedArray, element);
        path.leave();
      } else {
        parser.skipChildren();
      }
    }
    path.leave();
    return values;
  }

  /** Reads one element of an array at the current token. */
  @FunctionalInterface
  private interface ElementReader<T> {
    T read() throws IOException;
  }

  /** The elements of the array in field {@code field}. */
  private <T> List<T> readArrayField(String field, String expected, ElementReader<T> element) throws IOException {
    path.field(field);
    List<T> values = readElements(expected, element);
    path.leave();
    return values;
  }

  /** The elements of the array at the current token, each read with the path at its index. */
  private <T> List<T> readElements(String expected, ElementReader<T> element) throws IOException {
    expectArray(expected);
    List<T> values = new ArrayList<>();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      path.index(i);
      values.add(element.read());
    }
    return values;
  }

  // ---- scalars ----

  private String readString(String field) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw fail(field, "expected a string, got " + found());
    }
    return parser.getText();
  }

  private boolean readBoolean(String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    throw fail(field, "expected true or false, got " + found());
  }

  private long readNanos(String field) throws IOException {
    return readUnsigned(field, "a string or number of nanoseconds since the epoch");
  }

  private long readCount(String field) throws IOException {
    return readUnsigned(field, "a non-negative count");
  }

  /** A non-negative integer given as a JSON number or a decimal string (proto3 JSON writes 64-bit ints as strings). */
  private long readUnsigned(String field, String expected) throws IOException {
    long value = readInteger(field, expected);
    if (value < 0) {
      throw fail(field, "expected " + expected + ", got " + found());
    }
    return value;
  }

  private long readSigned(String field) throws IOException {
    return readInteger(field, "an integer (a JSON number or a decimal string)");
  }

  private long readInteger(String field, String expected) throws IOException {
    JsonToken token = parser.currentToken();
    try {
      if (token == JsonToken.VALUE_NUMBER_INT) {
        return parser.getLongValue();
      }
      if (token == JsonToken.VALUE_STRING) {
        return Long.parseLong(parser.getText());
      }
    } catch (NumberFormatException | InputCoercionException notALong) {
      boolean digits = parser.getText().matches("-?[0-9]+");
      throw fail(field, "expected " + expected + (digits ? " within 64 bits" : "") + ", got " + found());
    }
    throw fail(field, "expected " + expected + ", got " + found());
  }

  private double readDouble(String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
      return parser.getDoubleValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getText();
      switch (text) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          try {
            return Double.parseDouble(text);
          } catch (NumberFormatException notANumber) {
            break;
          }
      }
    }
    throw fail(field, "expected a number (or \"NaN\", \"Infinity\", \"-Infinity\"), got " + found());
  }

  private byte[] readBytes(String field) throws IOException {
    String text = readString(field);
    try {
      return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(text)
          : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException notBase64) {
      throw fail(field, "expected base64 bytes, got " + found());
    }
  }

  /** A hex id of {@code hexLength} digits, lower-cased; {@code null} for the empty string (proto3's "absent"). */
  private String readId(String field, int hexLength) throws IOException {
    String text = readString(field);
    if (text.isEmpty()) {
      return null;
    }
    boolean hex = text.length() == hexLength;
    for (int i = 0; hex && i < text.length(); i++) {
      char c = text.charAt(i);
      hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
    if (!hex) {
      throw fail(field, "expected " + hexLength + " hex digits (OTLP/JSON encodes ids as hex, not base64), got "
          + found());
    }
    return text.toLowerCase(Locale.ROOT);
  }

  private SpanKind readKind(String field) throws IOException {
    SpanKind kind = switch (parser.currentToken()) {
      case VALUE_NUMBER_INT -> OtlpMapping.spanKind(parser.getIntValue());
      case VALUE_STRING -> parser.getText().startsWith("SPAN_KIND_")
          ? OtlpMapping.spanKind(List.of("UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER")
              .indexOf(parser.getText().substring("SPAN_KIND_".length())))
          : null;
      default -> null;
    };
    if (kind == null) {
      throw fail(field, "expected a span kind 0..5 (or its name, e.g. \"SPAN_KIND_CLIENT\"), got " + found());
    }
    return kind;
  }

  private StatusCode readStatusCode(String field) throws IOException {
    StatusCode code = switch (parser.currentToken()) {
      case VALUE_NUMBER_INT -> OtlpMapping.statusCode(parser.getIntValue());
      case VALUE_STRING -> parser.getText().startsWith("STATUS_CODE_")
          ? OtlpMapping.statusCode(List.of("UNSET", "OK", "ERROR")
              .indexOf(parser.getText().substring("STATUS_CODE_".length())))
          : null;
      default -> null;
    };
    if (code == null) {
      throw fail(field, "expected a status code 0..2 (or its name, e.g. \"STATUS_CODE_ERROR\"), got " + found());
    }
    return code;
  }

  // ---- checks and messages ----

  private void requireValidIds(String traceId, String spanId, String traceField, String spanField, String what) {
    if (traceId == null) {
      throw fail(null, what + " has no " + traceField);
    }
    if (!TraceId.isValid(traceId)) {
      throw fail(traceField, "trace id " + traceId + " is invalid (all zero)");
    }
    if (spanId == null) {
      throw fail(null, what + " has no " + spanField);
    }
    if (!SpanId.isValid(spanId)) {
      throw fail(spanField, "span id " + spanId + " is invalid (all zero)");
    }
  }

  private TraceState parseTraceState(String text, String field) {
    try {
      return OtlpMapping.traceState(text);
    } catch (IllegalArgumentException malformed) {
      throw fail(field, malformed.getMessage());
    }
  }

  private static boolean remoteFlag(int flags) {
    return OtlpMapping.isRemote(flags);
  }

  private static int total(int recorded, long dropped) {
    return (int) Math.min(Integer.MAX_VALUE, recorded + dropped);
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private void expectObject(String expected) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw fail(null, "expected " + expected + ", got " + found());
    }
  }

  private void expectArray(String expected) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw fail(null, "expected " + expected + ", got " + found());
    }
  }

  /** The current token, described for a message: {@code true}, {@code "abc"}, {@code 1.5}, an object, an array. */
  private String found() {
    JsonToken token = parser.currentToken();
    try {
      return switch (token) {
        case START_OBJECT -> "an object";
        case START_ARRAY -> "an array";
        case VALUE_STRING -> "\"" + abbreviate(parser.getText()) + "\"";
        case VALUE_NULL, VALUE_TRUE, VALUE_FALSE, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
        default -> String.valueOf(token);
      };
    } catch (IOException unreadable) {
      return String.valueOf(token);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  private OtlpJsonException fail(String field, String problem) {
    JsonLocation at = parser.currentTokenLocation();
    return new OtlpJsonException(path.render(field), at.getLineNr(), at.getColumnNr(), problem, null);
  }

  private OtlpJsonException malformedJson(JsonProcessingException malformed) {
    JsonLocation at = malformed.getLocation() != null ? malformed.getLocation() : parser.currentLocation();
    return new OtlpJsonException(path.render(null), at.getLineNr(), at.getColumnNr(),
        "malformed JSON: " + malformed.getOriginalMessage(), malformed);
  }
}
