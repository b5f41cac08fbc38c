package dev.agenttrace.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Execution;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.TraceSpan;
import dev.agenttrace.trace.UnfinishedSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the canonical document of a trace: the {@code format} header, the executions with their segment outcomes,
 * the span tree with each span's {@link SpanContent} (redacted), the spans left open and the total token usage.
 * Children run one after another keep their order; children that ran concurrently (overlapping in time) are ordered
 * by kind, name and content, so thread scheduling never reorders a golden file.
 */
final class TraceNormalizer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Redactor redactor;

  TraceNormalizer(Redactor redactor) {
    this.redactor = redactor;
  }

  /** The document of {@code trace}, placeholders numbered. */
  ObjectNode document(AgentTrace trace) {
    Redactor redactor = this.redactor.forDocument();
    SpanContent content = new SpanContent(trace);
    ObjectNode document = JSON.objectNode();
    document.put("format", GoldenTraces.FORMAT);
    if (!trace.executions().isEmpty()) {
      ArrayNode executions = document.putArray("executions");
      trace.executions().forEach(execution -> executions.add(redactor.scrub(execution(execution))));
    }
    ArrayNode spans = document.putArray("spans");
    ordered(trace.roots().stream().map(root -> node(root, content, redactor)).toList())
        .forEach(node -> spans.add(node.toJson()));
    if (!trace.unfinishedSpans().isEmpty()) {
      ArrayNode open = document.putArray("unfinished");
      trace.unfinishedSpans().stream().map(UnfinishedSpan::name).sorted()
          .forEach(name -> open.add(redactor.scrubText(name)));
    }
    Usage usage = trace.totalUsage();
    if (usage.totalTokens() > 0) {
      ObjectNode total = document.putObject("usage");
      total.put("input_tokens", usage.inputTokens());
      total.put("output_tokens", usage.outputTokens());
    }
    return redactor.markedPlaceholders() ? (ObjectNode) new Placeholders().number(document) : document;
  }

  private static ObjectNode execution(Execution execution) {
    ObjectNode node = JSON.objectNode();
    node.put(SpanContent.kind(execution.category()).replace("_segment", ""), execution.name());
    node.put("outcome", execution.outcome().wireValue());
    ArrayNode outcomes = node.putArray("segments");
    execution.segments().stream().map(Segment::outcome).forEach(outcome -> outcomes.add(outcome.wireValue()));
    return node;
  }

  private static SpanNode node(TraceSpan span, SpanContent content, Redactor redactor) {
    ObjectNode fields = content.of(span);
    redactor.redact(fields);
    List<SpanNode> children = ordered(span.children().stream()
        .filter(child -> !isServerSideCopy(child))
        .map(child -> node(child, content, redactor))
        .toList());
    return new SpanNode(fields, span.startEpochNanos(), span.endEpochNanos(), children);
  }

  /**
   * An HTTP stub's server-side view of an LLM call whose client already traced it: the same call seen twice (and
   * carrying the stub's port), so the golden keeps only the client's span.
   */
  private static boolean isServerSideCopy(TraceSpan span) {
    return span.attribute(SpanConventions.LLM_SERVER_SIDE).orElse(false);
  }

  /** Keeps sequential siblings in start order; sorts each run of overlapping siblings by content. */
  static List<SpanNode> ordered(List<SpanNode> byStart) {
    List<SpanNode> result = new ArrayList<>();
    List<SpanNode> group = new ArrayList<>();
    long groupEnd = Long.MIN_VALUE;
    for (SpanNode node : byStart) {
      if (!group.isEmpty() && node.start() >= groupEnd) {
        flush(group, result);
      }
      group.add(node);
      groupEnd = Math.max(groupEnd, node.end());
      if (group.size() == 1) {
        groupEnd = node.end();
      }
    }
    flush(group, result);
    return result;
  }

  private static void flush(List<SpanNode> group, List<SpanNode> result) {
    if (group.size() > 1) {
      Map<SpanNode, String> keys = new IdentityHashMap<>();
      group.forEach(node -> keys.put(node, node.sortKey()));
      group.sort(Comparator.comparing(keys::get));
    }
    result.addAll(group);
    group.clear();
  }

  /** A span's fields, time range (for ordering only) and ordered children. */
  record SpanNode(ObjectNode fields, long start, long end, List<SpanNode> children) {
    String sortKey() {
      StringBuilder key = new StringBuilder(Placeholders.collapse(fields.toString()));
      children.forEach(child -> key.append('\u0000').append(child.sortKey()));
      return key.toString();
    }

    /** The span as a document node; call once, it takes over {@link #fields}. */
    JsonNode toJson() {
      ObjectNode node = fields;
      if (!children.isEmpty()) {
        ArrayNode array = node.putArray("children");
        children.forEach(child -> array.add(child.toJson()));
      }
      return node;
    }
  }
}
