package dev.agenttrace.runtime;

import io.opentelemetry.api.trace.Span;
import java.util.function.Supplier;

/**
 * Lets the runtime start a root span inside a given trace, so that all segments of an execution share one trace id
 * even when they have no parent. AgentTrace's capture provides it ({@code TraceCapture::withRootTraceId}); without
 * it, parentless segments land in separate traces and are stitched only by their span links.
 */
@FunctionalInterface
public interface RootTraceIds {
  Span startInTrace(String traceIdHex, Supplier<Span> startSpan);
}
