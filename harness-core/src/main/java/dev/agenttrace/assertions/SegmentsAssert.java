package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SegmentOutcome;

/**
 * Assertions on the execution segments of a trace, or a selection of them; names are agent (or workflow) names.
 * Adds {@link #withOutcome} and {@link #resumed}.
 */
public class SegmentsAssert extends AbstractSelectionAssert<SegmentsAssert, Segment, SegmentAssert> {

  public SegmentsAssert(TraceSelection<Segment> actual) {
    super(actual, SegmentsAssert.class);
  }

  @Override
  protected SegmentsAssert newSelectionAssert(TraceSelection<Segment> selection) {
    return new SegmentsAssert(selection);
  }

  @Override
  protected SegmentAssert newElementAssert(Segment element) {
    return new SegmentAssert(element, trace());
  }

  @Override
  protected Class<SegmentAssert> elementAssertType() {
    return SegmentAssert.class;
  }

  @Override
  protected Class<Segment> elementType() {
    return Segment.class;
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

  static TraceSelection<Segment> of(AgentTrace trace) {
    return TraceSelection.of(trace, "segment", trace.segments(), Segment::span, Segment::agentName);
  }
}
