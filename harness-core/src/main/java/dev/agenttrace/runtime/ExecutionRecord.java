package dev.agenttrace.runtime;

import java.util.Objects;

/**
 * The tracing state of an execution kept in the {@link Journal}: the trace its segments share, the parent they all
 * hang under (empty when they are roots), the span id of the last segment (the next segment links to it), and how
 * many segments ran and how the last one ended ({@code agenttrace.segment.outcome}).
 */
public record ExecutionRecord(
    String executionId, String agentName, String traceId, String parentSpanId, String lastSegmentSpanId,
    int segmentCount, String lastOutcome) {

  public ExecutionRecord {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(agentName, "agentName");
    traceId = Objects.requireNonNullElse(traceId, "");
    parentSpanId = Objects.requireNonNullElse(parentSpanId, "");
    lastSegmentSpanId = Objects.requireNonNullElse(lastSegmentSpanId, "");
    lastOutcome = Objects.requireNonNullElse(lastOutcome, "");
  }

  ExecutionRecord afterSegment(String traceIdOfSegment, String segmentSpanId, String outcome) {
    return new ExecutionRecord(
        executionId, agentName, traceIdOfSegment, parentSpanId, segmentSpanId, segmentCount + 1, outcome);
  }
}
