package dev.agenttrace.springai;

import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.SegmentSpan;
import io.micrometer.observation.Observation;
import io.opentelemetry.context.Context;

/**
 * A {@code ChatClient} call written as an {@code invoke_agent} segment: one segment per call (Spring AI has no
 * durable waits), {@code completed} or {@code failed}, with the usage of the LLM calls made under it.
 */
final class AgentObservation implements TracedObservation {
  private final SegmentSpan segment;
  private Usage usage = Usage.NONE;

  AgentObservation(SegmentSpan segment) {
    this.segment = segment;
  }

  /** Adds one LLM call's usage to the segment's totals. */
  synchronized void add(Usage callUsage) {
    usage = usage.plus(callUsage);
  }

  @Override
  public Context context() {
    return segment.context();
  }

  @Override
  public void end(Observation.Context observation) {
    Usage total;
    synchronized (this) {
      total = usage;
    }
    Throwable error = observation.getError();
    if (error == null) {
      segment.end(SegmentOutcome.COMPLETED, total, 0);
    } else {
      segment.failed(error, error.getClass().getName()).end(SegmentOutcome.FAILED, total, 0);
    }
  }
}
