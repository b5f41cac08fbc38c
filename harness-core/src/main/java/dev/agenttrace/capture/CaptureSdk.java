package dev.agenttrace.capture;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;

/** Builds the OpenTelemetry SDK of a capture: tracing only, W3C trace-context propagation, never registered globally. */
final class CaptureSdk {
  private CaptureSdk() {}

  /** An SDK whose tracer provider runs {@code processors} in the given order. */
  static OpenTelemetrySdk build(Clock clock, Resource resource, IdGenerator ids, SpanProcessor... processors) {
    return build(clock, resource, ids, ContextPropagators.create(W3CTraceContextPropagator.getInstance()), processors);
  }

  /** As {@link #build(Clock, Resource, IdGenerator, SpanProcessor...)} with the given propagators. */
  static OpenTelemetrySdk build(
      Clock clock, Resource resource, IdGenerator ids, ContextPropagators propagators, SpanProcessor... processors) {
    SdkTracerProviderBuilder tracerProvider = SdkTracerProvider.builder()
        .setClock(clock)
        .setResource(resource)
        .setIdGenerator(ids);
    for (SpanProcessor processor : processors) {
      tracerProvider.addSpanProcessor(processor);
    }
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracerProvider.build())
        .setPropagators(propagators)
        .build();
  }
}
