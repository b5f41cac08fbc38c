package dev.agenttrace.trace.dialect;

import io.opentelemetry.sdk.trace.data.EventData;
import java.util.List;

/**
 * {@code event_attributes}: copies attributes of a span event onto the span, for conventions that may carry the
 * same attributes on an event instead (the GenAI {@code gen_ai.client.inference.operation.details} event holds
 * {@code gen_ai.input.messages}, {@code gen_ai.output.messages} …). The last such event wins; recorded span
 * attributes are kept.
 */
final class EventAttributes implements SpanTransform {
  private final String eventName;
  private final List<String> keys;

  EventAttributes(TransformParams params) {
    this.eventName = params.required("event");
    this.keys = params.list("keys");
  }

  @Override
  public void apply(SpanRewrite span) {
    EventData last = null;
    for (EventData event : span.original().getEvents()) {
      if (event.getName().equals(eventName)) {
        last = event;
      }
    }
    if (last == null) {
      return;
    }
    var values = AttributeValues.byName(last.getAttributes());
    for (String key : keys) {
      Object value = values.get(key);
      if (value != null) {
        span.put(key, value);
      }
    }
  }
}
