package dev.agenttrace.otlp.receiver;

import com.google.protobuf.ByteString;
import dev.agenttrace.otlp.OtlpMapping;
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
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a decoded protobuf {@link ExportTraceServiceRequest} into {@link SpanData}, the same way core's OTLP/JSON
 * reader does (same attribute mapping, same flags, unspecified kind read as INTERNAL). Spans with invalid ids are
 * counted as rejected, with the first reason, for the OTLP partial-success response.
 */
final class ProtoSpans {
  final List<SpanData> spans = new ArrayList<>();
  int rejected;
  String firstRejection;

  static ProtoSpans of(ExportTraceServiceRequest request) {
    ProtoSpans result = new ProtoSpans();
    for (int r = 0; r < request.getResourceSpansCount(); r++) {
      ResourceSpans resourceSpans = request.getResourceSpans(r);
      Resource resource = Resource.create(attributes(resourceSpans.getResource().getAttributesList()),
          emptyToNull(resourceSpans.getSchemaUrl()));
      for (int s = 0; s < resourceSpans.getScopeSpansCount(); s++) {
        ScopeSpans scopeSpans = resourceSpans.getScopeSpans(s);
        InstrumentationScopeInfo scope = scope(scopeSpans.getScope(), scopeSpans.getSchemaUrl());
        for (int i = 0; i < scopeSpans.getSpansCount(); i++) {
          result.add(scopeSpans.getSpans(i), resource, scope,
              "resourceSpans[" + r + "].scopeSpans[" + s + "].spans[" + i + "]");
        }
      }
    }
    return result;
  }

  private void add(Span span, Resource resource, InstrumentationScopeInfo scope, String where) {
    String traceId = hex(span.getTraceId());
    String spanId = hex(span.getSpanId());
    if (!TraceId.isValid(traceId) || !SpanId.isValid(spanId)) {
      rejected++;
      if (firstRejection == null) {
        firstRejection = where + ": invalid trace id '" + traceId + "' or span id '" + spanId + "' (16 and 8 bytes, "
            + "not all zero)";
      }
      return;
    }
    TraceState state = traceState(span.getTraceState());
    TraceFlags flags = TraceFlags.fromByte((byte) (span.getFlags() & 0xff));
    String parentId = hex(span.getParentSpanId());
    SpanContext parent = !SpanId.isValid(parentId)
        ? SpanContext.getInvalid()
        : remote(span.getFlags())
            ? SpanContext.createFromRemoteParent(traceId, parentId, flags, state)
            : SpanContext.create(traceId, parentId, flags, state);
    Attributes attributes = attributes(span.getAttributesList());
    List<EventData> events = new ArrayList<>(span.getEventsCount());
    for (Span.Event event : span.getEventsList()) {
      Attributes eventAttributes = attributes(event.getAttributesList());
      events.add(EventData.create(event.getTimeUnixNano(), event.getName(), eventAttributes,
          eventAttributes.size() + event.getDroppedAttributesCount()));
    }
    List<LinkData> links = new ArrayList<>(span.getLinksCount());
    for (Span.Link link : span.getLinksList()) {
      String linkedTrace = hex(link.getTraceId());
      String linkedSpan = hex(link.getSpanId());
      TraceFlags linkFlags = TraceFlags.fromByte((byte) (link.getFlags() & 0xff));
      TraceState linkState = traceState(link.getTraceState());
      SpanContext linked = remote(link.getFlags())
          ? SpanContext.createFromRemoteParent(linkedTrace, linkedSpan, linkFlags, linkState)
          : SpanContext.create(linkedTrace, linkedSpan, linkFlags, linkState);
      Attributes linkAttributes = attributes(link.getAttributesList());
      links.add(LinkData.create(linked, linkAttributes, linkAttributes.size() + link.getDroppedAttributesCount()));
    }
    spans.add(TestSpanData.builder()
        .setSpanContext(SpanContext.create(traceId, spanId, flags, state))
        .setParentSpanContext(parent)
        .setResource(resource)
        .setInstrumentationScopeInfo(scope)
        .setName(span.getName())
        .setKind(kind(span.getKindValue()))
        .setStartEpochNanos(span.getStartTimeUnixNano())
        .setEndEpochNanos(span.getEndTimeUnixNano())
        .setHasEnded(true)
        .setAttributes(attributes)
        .setTotalAttributeCount(attributes.size() + span.getDroppedAttributesCount())
        .setEvents(events)
        .setTotalRecordedEvents(events.size() + span.getDroppedEventsCount())
        .setLinks(links)
        .setTotalRecordedLinks(links.size() + span.getDroppedLinksCount())
        .setStatus(status(span.getStatus()))
        .build());
  }

  private static InstrumentationScopeInfo scope(InstrumentationScope scope, String schemaUrl) {
    return InstrumentationScopeInfo.builder(scope.getName())
        .setVersion(emptyToNull(scope.getVersion()))
        .setSchemaUrl(emptyToNull(schemaUrl))
        .setAttributes(attributes(scope.getAttributesList()))
        .build();
  }

  private static Attributes attributes(List<io.opentelemetry.proto.common.v1.KeyValue> keyValues) {
    if (keyValues.isEmpty()) {
      return Attributes.empty();
    }
    AttributesBuilder attributes = Attributes.builder();
    for (io.opentelemetry.proto.common.v1.KeyValue keyValue : keyValues) {
      OtlpMapping.putAttribute(attributes, keyValue.getKey(), value(keyValue.getValue()));
    }
    return attributes.build();
  }

  private static Value<?> value(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> Value.of(value.getStringValue());
      case BOOL_VALUE -> Value.of(value.getBoolValue());
      case INT_VALUE -> Value.of(value.getIntValue());
      case DOUBLE_VALUE -> Value.of(value.getDoubleValue());
      case BYTES_VALUE -> Value.of(value.getBytesValue().toByteArray());
      case ARRAY_VALUE -> {
        List<Value<?>> elements = new ArrayList<>(value.getArrayValue().getValuesCount());
        value.getArrayValue().getValuesList().forEach(element -> elements.add(value(element)));
        yield Value.of(elements);
      }
      case KVLIST_VALUE -> Value.of(value.getKvlistValue().getValuesList().stream()
          .map(entry -> KeyValue.of(entry.getKey(), value(entry.getValue())))
          .toArray(KeyValue[]::new));
      default -> Value.empty();
    };
  }

  private static StatusData status(Status status) {
    StatusCode code = OtlpMapping.statusCode(status.getCodeValue());
    return StatusData.create(code == null ? StatusCode.UNSET : code, status.getMessage());
  }

  private static SpanKind kind(int number) {
    SpanKind known = OtlpMapping.spanKind(number);
    return known == null ? SpanKind.INTERNAL : known;
  }

  private static TraceState traceState(String text) {
    try {
      return OtlpMapping.traceState(text);
    } catch (IllegalArgumentException malformed) {
      return TraceState.getDefault();   // a malformed trace state is dropped, as W3C propagation does
    }
  }

  private static boolean remote(int flags) {
    return OtlpMapping.isRemote(flags);
  }

  private static String hex(ByteString bytes) {
    StringBuilder hex = new StringBuilder(bytes.size() * 2);
    for (int i = 0; i < bytes.size(); i++) {
      int b = bytes.byteAt(i) & 0xff;
      hex.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
