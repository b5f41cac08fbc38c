package dev.agenttrace.trace;

import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.Usage;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.StringJoiner;

/**
 * Renders an {@link AgentTrace} as the text tree that failure messages print: a header with counts, one line per
 * span with box-drawing indentation and the span's essence (segment state, model reply, tool arguments and result,
 * step result, error, duration), then the unfinished spans. Every value is abbreviated with
 * {@link TraceText#abbreviate(String)}, so the output stays small whatever the spans hold.
 */
final class TraceTreeRenderer {
  static final String MARK_PREFIX = "▶ ";
  static final String MARK_SUFFIX = "  ◀ here";
  private static final int MAX_LISTED_TOOL_CALLS = 3;
  private static final int MAX_START_SITE_LINES = 12;

  private final AgentTrace trace;
  private final String markedSpanId;
  private final StringBuilder out = new StringBuilder();

  private TraceTreeRenderer(AgentTrace trace, String markedSpanId) {
    this.trace = trace;
    this.markedSpanId = markedSpanId;
  }

  static String render(AgentTrace trace, String markedSpanId) {
    return new TraceTreeRenderer(trace, markedSpanId).render();
  }

  private String render() {
    out.append(header()).append('\n');
    for (String note : trace.notes()) {
      out.append("note: ").append(TraceText.abbreviate(note, 300)).append('\n');
    }
    for (TraceSpan root : trace.roots()) {
      renderTree(root);
    }
    renderUnfinished();
    return out.toString();
  }

  private String header() {
    StringJoiner counts = new StringJoiner(" · ", "AgentTrace: ", "");
    counts.add(TraceText.count(trace.executions().size(), "execution", "executions"));
    counts.add(TraceText.count(trace.segments().size(), "segment", "segments"));
    counts.add(TraceText.count(trace.llmCalls().size(), "LLM call", "LLM calls"));
    counts.add(TraceText.count(trace.toolInvocations().size(), "tool call", "tool calls"));
    counts.add(TraceText.count(trace.errors().size(), "error", "errors"));
    counts.add(TraceText.count(trace.unfinishedSpans().size(), "unfinished span", "unfinished spans"));
    counts.add(TraceText.count(trace.size(), "span", "spans"));
    return counts.toString();
  }

  /** One root and its descendants, depth first, without recursion. */
  private void renderTree(TraceSpan root) {
    Deque<Line> stack = new ArrayDeque<>();
    stack.push(new Line(root, "", ""));
    while (!stack.isEmpty()) {
      Line line = stack.pop();
      out.append(line.connector).append(describe(line.span)).append('\n');
      List<TraceSpan> children = line.span.children();
      for (int i = children.size() - 1; i >= 0; i--) {
        boolean last = i == children.size() - 1;
        stack.push(new Line(children.get(i), line.childIndent + (last ? "└─ " : "├─ "),
            line.childIndent + (last ? "   " : "│  ")));
      }
    }
  }

  private String describe(TraceSpan span) {
    boolean marked = span.spanId().equals(markedSpanId);
    StringBuilder text = new StringBuilder();
    if (marked) {
      text.append(MARK_PREFIX);
    }
    text.append(TraceText.abbreviate(span.name()));
    String essence = essence(span);
    if (!essence.isEmpty()) {
      text.append(" [").append(essence).append(']');
    }
    if (span.endEpochNanos() > 0) {
      text.append(' ').append(TraceText.duration(span.duration()));
    }
    span.attribute(SpanConventions.DIALECT).ifPresent(dialect -> text.append(" ⟨").append(dialect).append('⟩'));
    TraceError.of(span).ifPresent(error -> text.append("  ✗ ").append(TraceText.abbreviate(error.summary())));
    if (span.isOrphan()) {
      text.append("  ⚠ orphan: parent ").append(span.parentSpanId().orElse("?")).append(' ')
          .append(trace.unfinishedSpans().stream()
              .filter(unfinished -> unfinished.spanId().equals(span.parentSpanId().orElse(null)))
              .map(unfinished -> "('" + TraceText.abbreviate(unfinished.name()) + "') never ended")
              .findFirst().orElse("is not in the trace"));
    }
    if (marked) {
      text.append(MARK_SUFFIX);
    }
    return text.toString();
  }

  private String essence(TraceSpan span) {
    switch (span.category()) {
      case AGENT_SEGMENT:
      case WORKFLOW_SEGMENT:
        return segmentEssence(trace.views().segmentBySpanId.get(span.spanId()));
      case LLM_CALL:
        return llmEssence(trace.views().llmCallBySpanId.get(span.spanId()));
      case TOOL_CALL:
        return toolEssence(trace.views().toolBySpanId.get(span.spanId()));
      case STEP:
        return trace.views().stepBySpanId.get(span.spanId()).result()
            .map(result -> "→ " + TraceText.abbreviate(result)).orElse("");
      default:
        return span.kind() == SpanKind.INTERNAL ? "" : span.kind().name();
    }
  }

  private static String segmentEssence(Segment segment) {
    String text = segment.describe();
    return segment.usage().totalTokens() > 0 ? text + " · " + tokens(segment.usage()) : text;
  }

  private static String llmEssence(LlmCall call) {
    StringJoiner parts = new StringJoiner(" · ");
    if (!call.span().name().endsWith(call.model())) {
      parts.add("model " + TraceText.abbreviate(call.model()));
    }
    call.finishReason().ifPresent(reason -> parts.add(reason.wireValue()));
    List<ToolCall> toolCalls = call.requestedToolCalls();
    for (int i = 0; i < Math.min(toolCalls.size(), MAX_LISTED_TOOL_CALLS); i++) {
      ToolCall toolCall = toolCalls.get(i);
      parts.add("→ tool_call " + TraceText.abbreviate(toolCall.name()) + " "
          + TraceText.abbreviate(toolCall.arguments()));
    }
    if (toolCalls.size() > MAX_LISTED_TOOL_CALLS) {
      parts.add("+" + (toolCalls.size() - MAX_LISTED_TOOL_CALLS) + " more tool calls");
    }
    String reply = call.outputText();
    if (!reply.isEmpty()) {
      parts.add("→ \"" + TraceText.abbreviate(reply) + "\"");
    }
    if (call.usage().totalTokens() > 0) {
      parts.add(tokens(call.usage()));
    }
    if (!call.contentProblems().isEmpty()) {
      parts.add("unreadable content: " + TraceText.abbreviate(call.contentProblems().get(0)));
    }
    return parts.toString();
  }

  private static String toolEssence(ToolInvocation tool) {
    String arguments = tool.arguments().map(TraceText::abbreviate).orElse("");
    return tool.result().map(result -> (arguments + " → " + TraceText.abbreviate(result)).strip()).orElse(arguments);
  }

  private static String tokens(Usage usage) {
    return "tokens " + usage.inputTokens() + " in / " + usage.outputTokens() + " out";
  }

  private void renderUnfinished() {
    List<UnfinishedSpan> unfinished = trace.unfinishedSpans();
    if (unfinished.isEmpty()) {
      return;
    }
    out.append("Unfinished spans (").append(unfinished.size()).append("):\n");
    for (UnfinishedSpan span : unfinished) {
      boolean marked = span.spanId().equals(markedSpanId);
      out.append("  ").append(marked ? MARK_PREFIX : "").append("⧗ ").append(TraceText.abbreviate(span.name()))
          .append(" · span ").append(span.spanId())
          .append(" · thread \"").append(TraceText.abbreviate(span.threadName())).append('"')
          .append(marked ? MARK_SUFFIX : "").append('\n');
      if (span.startSite() == null) {
        out.append("      ").append(UnfinishedSpan.startSiteHint()).append('\n');
      } else {
        out.append("      started at:\n");
        List<String> lines = new ArrayList<>(span.startSite().lines().limit(MAX_START_SITE_LINES + 1L).toList());
        for (int i = 0; i < Math.min(lines.size(), MAX_START_SITE_LINES); i++) {
          out.append("        ").append(TraceText.abbreviate(lines.get(i).strip(), 300)).append('\n');
        }
        if (lines.size() > MAX_START_SITE_LINES) {
          out.append("        …\n");
        }
      }
    }
  }

  private record Line(TraceSpan span, String connector, String childIndent) {}
}
