package dev.agenttrace.otlp.export;

import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;

/** A span as exported: unchanged but for its resource, which also carries the test's identity. */
final class ExportedSpan extends DelegatingSpanData {
  private final Resource resource;

  ExportedSpan(SpanData span, Resource resource) {
    super(span);
    this.resource = resource;
  }

  @Override
  public Resource getResource() {
    return resource;
  }
}
