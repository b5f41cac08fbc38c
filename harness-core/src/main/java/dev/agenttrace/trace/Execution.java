package dev.agenttrace.trace;

import dev.agenttrace.llm.Usage;
import java.util.List;
import java.util.Optional;

/**
 * One run of an agent or workflow from start to end, stitched together from its {@link Segment}s: they share
 * {@code agenttrace.execution.id}, or, when a segment lacks it, continue each other through
 * {@code agenttrace.segment.previous_span_id} or a span link. The outcome is the last segment's.
 */
public final class Execution {
  private final String executionId;
  private final List<Segment> segments;

  Execution(String executionId, List<Segment> segments) {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("An execution has at least one segment");
    }
    this.executionId = executionId;
    this.segments = List.copyOf(segments);
  }

  /** The first segment's span: the execution's anchor in the trace. */
  public TraceSpan span() {
    return segments.get(0).span();
  }

  /**
   * {@code agenttrace.execution.id}; for segments stitched only by links, {@code "span:"} followed by the first
   * segment's span id.
   */
  public String executionId() {
    return executionId;
  }

  /** The agent or workflow name. */
  public String name() {
    return segments.get(0).agentName();
  }

  /** {@link SpanCategory#AGENT_SEGMENT} or {@link SpanCategory#WORKFLOW_SEGMENT}. */
  public SpanCategory category() {
    return segments.get(0).category();
  }

  /** The segments ordered by index (then start time). */
  public List<Segment> segments() {
    return segments;
  }

  /** The segment with {@code agenttrace.segment.index == index}. */
  public Optional<Segment> segment(int index) {
    return segments.stream()
        .filter(segment -> segment.index().isPresent() && segment.index().getAsInt() == index)
        .findFirst();
  }

  public Segment lastSegment() {
    return segments.get(segments.size() - 1);
  }

  /** The last segment's outcome. */
  public SegmentOutcome outcome() {
    return lastSegment().outcome();
  }

  public List<LlmCall> llmCalls() {
    return segments.stream().flatMap(segment -> segment.llmCalls().stream()).toList();
  }

  public List<ToolInvocation> toolInvocations() {
    return segments.stream().flatMap(segment -> segment.toolInvocations().stream()).toList();
  }

  public List<Step> steps() {
    return segments.stream().flatMap(segment -> segment.steps().stream()).toList();
  }

  /** The sum of the segments' usage. */
  public Usage totalUsage() {
    return segments.stream().map(Segment::usage).reduce(Usage.NONE, Usage::plus);
  }

  @Override
  public String toString() {
    return "Execution[" + name() + ", id " + executionId + ", " + segments.size() + " segments, " + outcome() + "]";
  }
}
