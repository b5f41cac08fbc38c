package dev.agenttrace.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups segments into executions. Segments belong together when they share {@code agenttrace.execution.id}, or
 * when one continues the other ({@code agenttrace.segment.previous_span_id} or span link) — the second rule stitches
 * segments that lack the id. Executions are listed in the order their first segment appears in the trace.
 */
final class ExecutionStitcher {
  private static final Comparator<Segment> SEGMENT_ORDER = Comparator
      .comparingInt((Segment segment) -> segment.index().orElse(Integer.MAX_VALUE))
      .thenComparingLong(segment -> segment.span().startEpochNanos())
      .thenComparing(segment -> segment.span().spanId());

  private ExecutionStitcher() {}

  static List<Execution> stitch(List<Segment> segments) {
    Map<String, String> representative = new HashMap<>();
    Map<String, Segment> bySpanId = new HashMap<>();
    Map<String, String> firstSpanByExecutionId = new HashMap<>();
    for (Segment segment : segments) {
      String spanId = segment.span().spanId();
      bySpanId.put(spanId, segment);
      representative.put(spanId, spanId);
    }
    for (Segment segment : segments) {
      String spanId = segment.span().spanId();
      segment.executionId().ifPresent(id -> {
        String first = firstSpanByExecutionId.putIfAbsent(id, spanId);
        if (first != null) {
          union(representative, first, spanId);
        }
      });
      segment.previousSpanId()
          .filter(bySpanId::containsKey)
          .ifPresent(previous -> union(representative, previous, spanId));
    }
    Map<String, List<Segment>> groups = new LinkedHashMap<>();
    for (Segment segment : segments) {
      groups.computeIfAbsent(find(representative, segment.span().spanId()), root -> new ArrayList<>()).add(segment);
    }
    List<Execution> executions = new ArrayList<>();
    for (List<Segment> group : groups.values()) {
      String executionId = group.stream()
          .flatMap(segment -> segment.executionId().stream())
          .findFirst()
          .orElse("span:" + group.get(0).span().spanId());
      group.sort(SEGMENT_ORDER);
      executions.add(new Execution(executionId, group));
    }
    return executions;
  }

  private static String find(Map<String, String> representative, String spanId) {
    String root = spanId;
    while (!representative.get(root).equals(root)) {
      root = representative.get(root);
    }
    String current = spanId;
    while (!current.equals(root)) {
      String next = representative.get(current);
      representative.put(current, root);
      current = next;
    }
    return root;
  }

  private static void union(Map<String, String> representative, String a, String b) {
    String rootA = find(representative, a);
    String rootB = find(representative, b);
    if (!rootA.equals(rootB)) {
      representative.put(rootB, rootA);
    }
  }
}
