package dev.agenttrace.trace.dialect;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;

/**
 * A foreign span in AgentTrace's conventions: the original span's ids, parent, kind, times, status, links, resource
 * and scope, with its attributes plus the conventional ones, its events plus the conventional ones, and the
 * conventional name. Everything else is delegated to the original.
 */
final class NormalizedSpan extends DelegatingSpanData {
  private final String name;
  private final Attributes attributes;
  private final List<EventData> events;

  NormalizedSpan(SpanData original, String name, Attributes attributes, List<EventData> events) {
    super(original);
    this.name = name;
    this.attributes = attributes;
    this.events = List.copyOf(events);
  }

  @Override
  public String getName() {
    return name;
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
  public int getTotalAttributeCount() {
    return Math.max(super.getTotalAttributeCount(), attributes.size());
  }

  @Override
  public int getTotalRecordedEvents() {
    return Math.max(super.getTotalRecordedEvents(), events.size());
  }
}
