package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Execution;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SegmentOutcome;
import java.util.Arrays;
import java.util.List;

/**
 * Assertions on one durable execution (an agent or workflow run stitched from its segments): segment count and
 * outcomes, each resumed segment linked to its predecessor, replay counts, and nothing executed twice.
 */
public class ExecutionAssert extends AbstractTraceAssert<ExecutionAssert, Execution> {

  public ExecutionAssert(Execution actual) {
    this(actual, null);
  }

  public ExecutionAssert(Execution actual, AgentTrace trace) {
    super(actual, trace, ExecutionAssert.class);
  }

  public ExecutionAssert hasSegmentCount(int expected) {
    isNotNull();
    int count = actual.segments().size();
    if (count != expected) {
      fail(expecting(describe() + " to have " + expected + " segment(s)").but("it has " + count)
          .marking(actual.span().spanId()), expected, count);
    }
    return this;
  }

  /** The last segment's outcome. */
  public ExecutionAssert hasOutcome(SegmentOutcome expected) {
    isNotNull();
    if (actual.outcome() != expected) {
      fail(expecting(describe() + " to end " + expected.wireValue()).but("it ended " + actual.outcome().wireValue())
          .marking(actual.lastSegment().span().spanId()), expected, actual.outcome());
    }
    return this;
  }

  /** Every segment after the first resumes the one before it (its link points at that segment's span). */
  public ExecutionAssert hasEachSegmentResumingItsPredecessor() {
    isNotNull();
    List<Segment> segments = actual.segments();
    for (int i = 1; i < segments.size(); i++) {
      String expected = segments.get(i - 1).span().spanId();
      String previous = segments.get(i).previousSpanId().orElse(null);
      if (!expected.equals(previous)) {
        fail(expecting("segment #" + i + " of " + describe() + " to resume segment #" + (i - 1) + " (span "
                + expected + ")").but(previous == null ? "it links to no segment" : "it links to span " + previous)
                .marking(segments.get(i).span().spanId()), expected, previous);
      }
    }
    return this;
  }

  /** The segments replayed exactly these numbers of journaled operations, in order. */
  public ExecutionAssert hasReplayCounts(long... expected) {
    isNotNull();
    List<Long> counts = actual.segments().stream().map(Segment::replayed).toList();
    List<Long> wanted = Arrays.stream(expected).boxed().toList();
    if (!counts.equals(wanted)) {
      fail(expecting("the segments of " + describe() + " to replay " + wanted).but("they replayed " + counts),
          wanted, counts);
    }
    return this;
  }

  /** No tool call id, step key or identical LLM request occurs twice in the execution. */
  public ExecutionAssert executedNothingTwice() {
    isNotNull();
    List<DuplicateWork.Repeat> repeats = DuplicateWork.in(actual);
    if (!repeats.isEmpty()) {
      fail(expecting(describe() + " to execute nothing twice")
              .but(repeats.stream().map(DuplicateWork.Repeat::describe).toList().toString())
              .marking(repeats.get(0).again().spanId()),
          List.of(), repeats.stream().map(DuplicateWork.Repeat::what).toList());
    }
    return this;
  }

  /** Navigates to the segment at {@code index} of this execution (0-based). */
  public SegmentAssert segment(int index) {
    isNotNull();
    Segment segment = index >= 0 && index < actual.segments().size() ? actual.segments().get(index) : null;
    if (segment == null) {
      creator().report(failure(expecting("segment #" + index + " of " + describe())
          .but("it has " + actual.segments().size() + " segment(s)"), index, actual.segments().size()));
    }
    return creator().create(SegmentAssert.class, Segment.class, segment, trace(),
        () -> new SegmentAssert(segment, trace()));
  }

  private String describe() {
    return "execution " + actual.name() + " (" + actual.executionId() + ")";
  }
}
