package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SegmentOutcome;

/**
 * Assertions on the execution segments of a trace, or a selection of them; names are agent (or workflow) names.
 * Adds {@link #withOutcome} and {@link #resumed}.
 */
public class SegmentsAssert extends AbstractSelectionAssert<SegmentsAssert, Segment, SegmentAssert> {

  /** What this assert selects and which asserts it makes; also behind {@code AgentTraceAssertions}' factory. */
  static final SelectionKind<SegmentsAssert, Segment, SegmentAssert> KIND =
      new SelectionKind<>("segment", SegmentsAssert.class, SegmentsAssert::new, Segment.class, SegmentAssert.class,
          SegmentAssert::new, AgentTrace::segments, Segment::span, Segment::agentName);

  public SegmentsAssert(TraceSelection<Segment> actual) {
    super(actual, KIND);
  }

  /** Segments that ended so. */
  public SegmentsAssert withOutcome(SegmentOutcome outcome) {
    return where(new Criterion<>("that ended " + outcome.wireValue(), "outcome", outcome.wireValue(),
        segment -> segment.outcome() == outcome, segment -> segment.outcome().wireValue()));
  }

  /** Segments that continue an earlier one. */
  public SegmentsAssert resumed() {
    return where(new Criterion<>("that resumed", "resumed", "true", Segment::isResumed,
        segment -> String.valueOf(segment.isResumed())));
  }
}
