package dev.agenttrace.capture;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * W3C trace-context propagators that remember the {@link SharedCapture} whose SDK they belong to, so that the capture
 * installed as {@code GlobalOpenTelemetry} can be found again from the global instance.
 */
final class OwnedPropagators implements ContextPropagators {
  private final SharedCapture owner;

  OwnedPropagators(SharedCapture owner) {
    this.owner = owner;
  }

  SharedCapture owner() {
    return owner;
  }

  @Override
  public TextMapPropagator getTextMapPropagator() {
    return W3CTraceContextPropagator.getInstance();
  }
}
