package dev.agenttrace.trace;

import java.time.Duration;
import java.util.Optional;

/**
 * What every typed view of a span has in common — the span it reads, how long it took, whether it failed — so
 * assertions and reports can treat segments, LLM calls, tool invocations and steps alike.
 */
public abstract sealed class SpanView permits Segment, LlmCall, ToolInvocation, Step {
  private final TraceSpan span;

  SpanView(TraceSpan span) {
    this.span = span;
  }

  /** The span this view reads. */
  public final TraceSpan span() {
    return span;
  }

  /** The span's duration. */
  public final Duration duration() {
    return span.duration();
  }

  /** The error recorded on the span; empty unless its status is ERROR. */
  public final Optional<TraceError> error() {
    return TraceError.of(span);
  }
}
