package dev.agenttrace.trace;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Arranges finished spans into trees: roots are spans whose parent is not in the set, siblings are ordered by start
 * time then span id, the result is listed depth first. Duplicate span ids keep the first span; spans caught in a
 * parent cycle become roots. Both are noted, never thrown.
 */
final class TraceTreeBuilder {
  private static final Comparator<SpanData> START_ORDER =
      Comparator.comparingLong(SpanData::getStartEpochNanos).thenComparing(SpanData::getSpanId);

  private final List<TraceSpan> depthFirst = new ArrayList<>();
  private final List<TraceSpan> roots = new ArrayList<>();
  private final Map<String, TraceSpan> bySpanId = new HashMap<>();
  private final List<String> notes = new ArrayList<>();

  TraceTreeBuilder(Collection<SpanData> finished) {
    Map<String, SpanData> unique = new LinkedHashMap<>();
    for (SpanData span : finished) {
      SpanData kept = unique.putIfAbsent(span.getSpanId(), span);
      if (kept != null) {
        notes.add("duplicate span id " + span.getSpanId() + ": kept '" + kept.getName() + "', ignored '"
            + span.getName() + "'");
      }
    }
    Map<String, List<SpanData>> childrenOf = new HashMap<>();
    List<SpanData> rootData = new ArrayList<>();
    for (SpanData span : unique.values()) {
      String parentId = span.getParentSpanContext().isValid() ? span.getParentSpanId() : null;
      if (parentId != null && unique.containsKey(parentId) && !parentId.equals(span.getSpanId())) {
        childrenOf.computeIfAbsent(parentId, id -> new ArrayList<>()).add(span);
      } else {
        rootData.add(span);
      }
    }
    childrenOf.values().forEach(children -> children.sort(START_ORDER));
    rootData.sort(START_ORDER);
    for (SpanData root : rootData) {
      addTree(root, childrenOf);
    }
    if (bySpanId.size() < unique.size()) {
      List<SpanData> cyclic = unique.values().stream()
          .filter(span -> !bySpanId.containsKey(span.getSpanId())).sorted(START_ORDER).toList();
      for (SpanData span : cyclic) {
        if (!bySpanId.containsKey(span.getSpanId())) {
          notes.add("span " + span.getSpanId() + " ('" + span.getName() + "') is part of a parent cycle; shown as a root");
          addTree(span, childrenOf);
        }
      }
    }
  }

  /** Adds {@code root} and its descendants depth first, without recursion (traces may be deep). */
  private void addTree(SpanData root, Map<String, List<SpanData>> childrenOf) {
    boolean orphan = root.getParentSpanContext().isValid();
    TraceSpan rootSpan = new TraceSpan(root, 0, orphan);
    roots.add(rootSpan);
    Deque<TraceSpan> stack = new ArrayDeque<>();
    stack.push(rootSpan);
    while (!stack.isEmpty()) {
      TraceSpan current = stack.pop();
      depthFirst.add(current);
      bySpanId.put(current.spanId(), current);
      List<SpanData> children = childrenOf.getOrDefault(current.spanId(), List.of());
      List<TraceSpan> created = new ArrayList<>(children.size());
      for (SpanData child : children) {
        if (!bySpanId.containsKey(child.getSpanId())) {
          TraceSpan childSpan = new TraceSpan(child, current.depth() + 1, false);
          bySpanId.put(childSpan.spanId(), childSpan);
          current.addChild(childSpan);
          created.add(childSpan);
        }
      }
      for (int i = created.size() - 1; i >= 0; i--) {
        stack.push(created.get(i));
      }
    }
  }

  List<TraceSpan> depthFirst() {
    return depthFirst;
  }

  List<TraceSpan> roots() {
    return roots;
  }

  Map<String, TraceSpan> bySpanId() {
    return bySpanId;
  }

  List<String> notes() {
    return notes;
  }
}
