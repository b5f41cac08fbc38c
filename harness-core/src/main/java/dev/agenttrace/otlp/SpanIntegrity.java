package dev.agenttrace.otlp;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the spans of one OTLP JSON input as a whole: a span sent twice with the same content (an exporter's retry)
 * is kept once; two different spans with one trace id and span id, and spans whose parents form a cycle, are
 * rejected with the JSON paths of the spans involved. Missing parents are fine: those spans are orphans in the model.
 */
final class SpanIntegrity {
  private final Map<String, Integer> indexById = new HashMap<>();
  private final List<SpanData> spans = new ArrayList<>();
  private final List<SpanOrigin> origins = new ArrayList<>();

  /** Adds a span read at {@code origin}; drops an identical repeat, rejects a different span with the same ids. */
  void add(SpanData span, SpanOrigin origin) {
    String id = span.getTraceId() + span.getSpanId();
    Integer seen = indexById.putIfAbsent(id, spans.size());
    if (seen == null) {
      spans.add(span);
      origins.add(origin);
      return;
    }
    if (!spans.get(seen).equals(span)) {
      throw new OtlpJsonException(origin.path("spanId"), origin.line(), 1,
          "duplicate span id " + span.getSpanId() + " in trace " + span.getTraceId() + ": '" + span.getName()
              + "' differs from '" + spans.get(seen).getName() + "' at " + origins.get(seen).describe()
              + " (span ids must be unique within a trace; identical repeats are ignored)", null);
    }
  }

  /** The spans in input order, after checking that no parent chain runs in a circle. */
  List<SpanData> spans() {
    rejectParentCycles();
    return spans;
  }

  private void rejectParentCycles() {
    int[] state = new int[spans.size()];   // 0 unvisited, 1 on the current chain, 2 known to end outside any cycle
    for (int start = 0; start < spans.size(); start++) {
      List<Integer> chain = new ArrayList<>();
      int current = start;
      while (current >= 0 && state[current] == 0) {
        state[current] = 1;
        chain.add(current);
        current = parentIndex(spans.get(current));
      }
      if (current >= 0 && state[current] == 1) {
        throw cycleThrough(chain.subList(chain.indexOf(current), chain.size()));
      }
      chain.forEach(index -> state[index] = 2);
    }
  }

  private int parentIndex(SpanData span) {
    if (!span.getParentSpanContext().isValid()) {
      return -1;
    }
    Integer parent = indexById.get(span.getTraceId() + span.getParentSpanId());
    return parent == null ? -1 : parent;
  }

  private OtlpJsonException cycleThrough(List<Integer> cycle) {
    Map<String, String> members = new LinkedHashMap<>();
    for (int index : cycle) {
      members.put(spans.get(index).getSpanId(), "'" + spans.get(index).getName() + "' at " + origins.get(index).describe());
    }
    StringBuilder chain = new StringBuilder();
    members.keySet().forEach(id -> chain.append(id).append(" → "));
    chain.append(spans.get(cycle.get(0)).getSpanId());
    SpanOrigin first = origins.get(cycle.get(0));
    return new OtlpJsonException(first.path("parentSpanId"), first.line(), 1,
        "parent cycle " + chain + " (child → parent); spans: " + String.join(", ", members.values()), null);
  }
}
