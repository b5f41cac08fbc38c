package dev.agenttrace.trace;

import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.redaction.RedactionPolicy;
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
 * step result, error, duration), then the unfinished spans. Every value is redacted ({@link RedactionPolicy}: this
 * text goes into failure messages, CI logs and trace files) and then abbreviated with
 * {@link TraceText#abbreviate(String)}, so the output stays small and secret-free whatever the spans hold.
 */
final class TraceTreeRenderer {
  static final String MARK_PREFIX = "▶ ";
  static final String MARK_SUFFIX = "  ◀ here";
  private static final int MAX_LISTED_TOOL_CALLS = 3;
  private static final int MAX_START_SITE_LINES = 12;

  private final AgentTrace trace;
  private final String markedSpanId;
  private final RedactionPolicy redaction;
  private final StringBuilder out = new StringBuilder();

  private TraceTreeRenderer(AgentTrace trace, String markedSpanId, RedactionPolicy redaction) {
    this.trace = trace;
    this.markedSpanId = markedSpanId;
    this.redaction = redaction;
  }

  static String render(AgentTrace trace, String markedSpanId) {
    return render(trace, markedSpanId, RedactionPolicy.defaults());
  }

  static String render(AgentTrace trace, String markedSpanId, RedactionPolicy redaction) {
    return new TraceTreeRenderer(trace, markedSpanId, redaction).render();
  }

  /** {@code value} redacted, then abbreviated to {@code maxChars}. */
  private String shown(String value, int maxChars) {
    return TraceText.abbreviate(value == null ? null : redaction.redactHead(value, maxChars), maxChars);
  }

  private String shown(String value) {
    return shown(value, TraceText.DEFAULT_MAX_CHARS);
  }

  private String render() {
    out.append(header()).append('\n');
    for (String note : trace.notes()) {
      out.append("note: ").append(shown(note, 300)).append('\n');
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
    text.append(shown(span.name()));
    String essence = essence(span);
    if (!essence.isEmpty()) {
      text.append(" [").append(essence).append(']');
    }
    if (span.endEpochNanos() > 0) {
      text.append(' ').append(TraceText.duration(span.duration()));
    }
    span.attribute(SpanConventions.DIALECT).ifPresent(dialect -> text.append(" ⟨").append(dialect).append('⟩'));
    TraceError.of(span).ifPresent(error -> text.append("  ✗ ").append(shown(error.summary())));
    if (span.isOrphan()) {
      text.append("  ⚠ orphan: parent ").append(span.parentSpanId().orElse("?")).append(' ')
          .append(trace.unfinishedSpans().stream()
              .filter(unfinished -> unfinished.spanId().equals(span.parentSpanId().orElse(null)))
              .map(unfinished -> "('" + shown(unfinished.name()) + "') never ended")
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
        return segmentEssence(view(span, Segment.class));
      case LLM_CALL:
        return llmEssence(view(span, LlmCall.class));
      case TOOL_CALL:
        return toolEssence(view(span, ToolInvocation.class));
      case STEP:
        return view(span, Step.class).result()
            .map(result -> "→ " + shown(result)).orElse("");
      default:
        return span.kind() == SpanKind.INTERNAL ? "" : span.kind().name();
    }
  }

  private <V extends SpanView> V view(TraceSpan span, Class<V> type) {
    return trace.viewOf(span.spanId(), type).orElseThrow();
  }

  private String segmentEssence(Segment segment) {
    String text = redaction.redactPlainText(segment.describe());
    return segment.usage().totalTokens() > 0 ? text + " · " + tokens(segment.usage()) : text;
  }

  private String llmEssence(LlmCall call) {
    StringJoiner parts = new StringJoiner(" · ");
    if (!call.span().name().endsWith(call.model())) {
      parts.add("model " + shown(call.model()));
    }
    call.finishReason().ifPresent(reason -> parts.add(reason.wireValue()));
    List<ToolCall> toolCalls = call.requestedToolCalls();
    for (int i = 0; i < Math.min(toolCalls.size(), MAX_LISTED_TOOL_CALLS); i++) {
      ToolCall toolCall = toolCalls.get(i);
      parts.add("→ tool_call " + shown(toolCall.name()) + " "
          + shown(toolCall.arguments()));
    }
    if (toolCalls.size() > MAX_LISTED_TOOL_CALLS) {
      parts.add("+" + (toolCalls.size() - MAX_LISTED_TOOL_CALLS) + " more tool calls");
    }
    String reply = call.outputText();
    if (!reply.isEmpty()) {
      parts.add("→ \"" + shown(reply) + "\"");
    }
    if (call.usage().totalTokens() > 0) {
      parts.add(tokens(call.usage()));
    }
    if (!call.contentProblems().isEmpty()) {
      parts.add("unreadable content: " + shown(call.contentProblems().get(0)));
    }
    return parts.toString();
  }

  private String toolEssence(ToolInvocation tool) {
    String arguments = tool.arguments().map(this::shown).orElse("");
    return tool.result().map(result -> (arguments + " → " + shown(result)).strip()).orElse(arguments);
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
      out.append("  ").append(marked ? MARK_PREFIX : "").append("⧗ ").append(shown(span.name()))
          .append(" · span ").append(span.spanId())
          .append(" · thread \"").append(shown(span.threadName())).append('"')
          .append(marked ? MARK_SUFFIX : "").append('\n');
      if (span.startSite() == null) {
        out.append("      ").append(UnfinishedSpan.startSiteHint()).append('\n');
      } else {
        out.append("      started at:\n");
        List<String> lines = new ArrayList<>(span.startSite().lines().limit(MAX_START_SITE_LINES + 1L).toList());
        for (int i = 0; i < Math.min(lines.size(), MAX_START_SITE_LINES); i++) {
          out.append("        ").append(shown(lines.get(i).strip(), 300)).append('\n');
        }
        if (lines.size() > MAX_START_SITE_LINES) {
          out.append("        …\n");
        }
      }
    }
  }

  private record Line(TraceSpan span, String connector, String childIndent) {}
}
