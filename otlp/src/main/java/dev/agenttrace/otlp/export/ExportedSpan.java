package dev.agenttrace.otlp.export;

import dev.agenttrace.redaction.RedactionPolicy;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;

/**
 * A span as exported: its resource also carries the test's identity, and its attributes, event attributes and status
 * description went through the run's {@link RedactionPolicy}, since export is one of the boundaries where trace
 * content leaves the test.
 */
final class ExportedSpan extends DelegatingSpanData {
  private final Resource resource;
  private final Attributes attributes;
  private final List<EventData> events;
  private final StatusData status;

  ExportedSpan(SpanData span, Resource resource, RedactionPolicy redaction) {
    super(span);
    this.resource = resource;
    this.attributes = redacted(span.getAttributes(), redaction);
    this.events = span.getEvents().stream()
        .map(event -> EventData.create(event.getEpochNanos(), event.getName(),
            redacted(event.getAttributes(), redaction), event.getTotalAttributeCount()))
        .toList();
    StatusData original = span.getStatus();
    this.status = original.getDescription().isEmpty() ? original
        : StatusData.create(original.getStatusCode(), redaction.redactPlainText(original.getDescription()));
  }

  @Override
  public Resource getResource() {
    return resource;
  }

  @Override
  public Attributes getAttributes() {
    return attributes;
  }

  @Override
  public List<EventData> getEvents() {
    return events;
  }

  @Override
  public StatusData getStatus() {
    return status;
  }

  /** Every attribute redacted by key and value; a secret number or list of numbers becomes marker text. */
  static Attributes redacted(Attributes attributes, RedactionPolicy redaction) {
    AttributesBuilder builder = Attributes.builder();
    attributes.forEach((key, value) -> put(builder, key, redaction.redactAttribute(key.getKey(), value)));
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private static void put(AttributesBuilder builder, AttributeKey<?> key, Object value) {
    if (value instanceof String text && key.getType() != AttributeType.STRING) {
      builder.put(AttributeKey.stringKey(key.getKey()), text);
    } else if (value instanceof List<?> list && key.getType() != AttributeType.STRING_ARRAY
        && !list.isEmpty() && list.stream().allMatch(String.class::isInstance)) {
      builder.put(AttributeKey.stringArrayKey(key.getKey()), (List<String>) list);
    } else {
      builder.put((AttributeKey<Object>) key, value);
    }
  }
}
