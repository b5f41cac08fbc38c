package dev.agenttrace.capture;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry of a capture: the SDK's tracer provider and W3C trace-context propagation, never registered
 * globally. Metrics and logs are the API's no-ops, as a capture records spans only — an {@code OpenTelemetrySdk}
 * would build a meter and a logger provider per test that nothing reads, and every test builds a capture.
 */
final class CaptureSdk implements OpenTelemetry, AutoCloseable {
  private final SdkTracerProvider tracerProvider;
  private final ContextPropagators propagators;

  private CaptureSdk(SdkTracerProvider tracerProvider, ContextPropagators propagators) {
    this.tracerProvider = tracerProvider;
    this.propagators = propagators;
  }

  /** An SDK whose tracer provider runs {@code processors} in the given order. */
  static CaptureSdk build(Clock clock, Resource resource, IdGenerator ids, SpanProcessor... processors) {
    return build(clock, resource, ids, ContextPropagators.create(W3CTraceContextPropagator.getInstance()), processors);
  }

  /** As {@link #build(Clock, Resource, IdGenerator, SpanProcessor...)} with the given propagators. */
  static CaptureSdk build(
      Clock clock, Resource resource, IdGenerator ids, ContextPropagators propagators, SpanProcessor... processors) {
    SdkTracerProviderBuilder tracerProvider = SdkTracerProvider.builder()
        .setClock(clock)
        .setResource(resource)
        .setIdGenerator(ids);
    for (SpanProcessor processor : processors) {
      tracerProvider.addSpanProcessor(processor);
    }
    return new CaptureSdk(tracerProvider.build(), propagators);
  }

  @Override
  public TracerProvider getTracerProvider() {
    return tracerProvider;
  }

  @Override
  public ContextPropagators getPropagators() {
    return propagators;
  }

  /** Shuts the tracer provider down (its processors included), waiting up to ten seconds as the SDK's close does. */
  @Override
  public void close() {
    tracerProvider.shutdown().join(10, TimeUnit.SECONDS);
  }

  @Override
  public String toString() {
    return "AgentTrace capture OpenTelemetry{tracerProvider=" + tracerProvider + "}";
  }
}
