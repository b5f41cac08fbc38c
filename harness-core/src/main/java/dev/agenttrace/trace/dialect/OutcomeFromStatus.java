package dev.agenttrace.trace.dialect;

import io.opentelemetry.api.trace.StatusCode;

/**
 * {@code outcome_from_status}: for agent spans of instrumentations without durable segments, the segment outcome
 * from the span status — {@code failed} on ERROR, else {@code completed} (the invocation ran to its end in one piece).
 */
final class OutcomeFromStatus implements SpanTransform {
  private final String target;

  OutcomeFromStatus(TransformParams params) {
    this.target = params.optional("to", "agenttrace.segment.outcome");
  }

  @Override
  public void apply(SpanRewrite span) {
    boolean failed = span.original().getStatus().getStatusCode() == StatusCode.ERROR;
    span.put(target, failed ? "failed" : "completed");
  }
}
