package dev.agenttrace.trace;

import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.dialect.SpanDialects;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The captured trace of one test: every finished span arranged as a tree (depth first, siblings by start time),
 * the typed views assertions work with ({@link Execution}s stitched from {@link Segment}s, {@link LlmCall}s,
 * {@link ToolInvocation}s, {@link Step}s, {@link TraceError}s), and the spans that never ended. It may hold several
 * OpenTelemetry traces. Immutable; building it never throws on odd input — missing attributes, malformed message
 * JSON, duplicate span ids and parent cycles are tolerated and noted.
 */
public final class AgentTrace {
  private static final AgentTrace EMPTY = new AgentTrace(List.of(), List.of());

  private final List<TraceSpan> spans;
  private final List<TraceSpan> roots;
  private final Map<String, TraceSpan> bySpanId;
  private final List<String> notes;
  private final SpanViews views;
  private final List<Execution> executions;
  private final List<UnfinishedSpan> unfinished;

  private AgentTrace(Collection<SpanData> finished, List<UnfinishedSpan> unfinished) {
    TraceTreeBuilder tree = new TraceTreeBuilder(finished);
    this.spans = List.copyOf(tree.depthFirst());
    this.roots = List.copyOf(tree.roots());
    this.bySpanId = Map.copyOf(tree.bySpanId());
    this.notes = List.copyOf(tree.notes());
    this.views = new SpanViews(spans);
    this.executions = List.copyOf(ExecutionStitcher.stitch(views.segments));
    Set<String> finishedIds = new HashSet<>(bySpanId.keySet());
    this.unfinished = unfinished.stream().filter(span -> !finishedIds.contains(span.spanId())).toList();
  }

  /** A trace of the given finished spans. */
  public static AgentTrace of(Collection<SpanData> finished) {
    return of(finished, List.of());
  }

  /** A trace of the given finished spans and the spans still open when it was taken. */
  public static AgentTrace of(Collection<SpanData> finished, List<UnfinishedSpan> unfinished) {
    return new AgentTrace(SpanDialects.standard().normalize(finished), unfinished);
  }

  /**
   * The part of this trace that belongs to the given OpenTelemetry traces: their finished spans and the open spans
   * in them. An empty list gives the empty trace.
   */
  public AgentTrace restrictedToTraces(Collection<String> traceIds) {
    Set<String> wanted = Set.copyOf(traceIds);
    List<SpanData> kept = spans.stream().filter(span -> wanted.contains(span.traceId())).map(TraceSpan::data).toList();
    List<UnfinishedSpan> open = unfinished.stream().filter(span -> wanted.contains(span.traceId())).toList();
    if (kept.size() == spans.size() && open.size() == unfinished.size()) {
      return this;   // the usual case, one run per test: nothing to leave out, nothing to build again
    }
    return kept.isEmpty() && open.isEmpty() ? EMPTY : new AgentTrace(kept, open);
  }

  /** A trace without spans. */
  public static AgentTrace empty() {
    return EMPTY;
  }

  /** All finished spans, depth first; siblings ordered by start time, ties by span id. */
  public List<TraceSpan> spans() {
    return spans;
  }

  /** Spans whose parent is not in the trace: true roots and orphans ({@link TraceSpan#isOrphan()}). */
  public List<TraceSpan> roots() {
    return roots;
  }

  public Optional<TraceSpan> span(String spanId) {
    return Optional.ofNullable(bySpanId.get(spanId));
  }

  public Optional<TraceSpan> parentOf(TraceSpan span) {
    return span.parentSpanId().map(bySpanId::get);
  }

  /** Agent and workflow executions, each stitched from its segments, in trace order. */
  public List<Execution> executions() {
    return executions;
  }

  /** All segments in trace order. */
  public List<Segment> segments() {
    return views.segments;
  }

  public List<LlmCall> llmCalls() {
    return views.llmCalls;
  }

  public List<ToolInvocation> toolInvocations() {
    return views.toolInvocations;
  }

  public List<Step> steps() {
    return views.steps;
  }

  /** Every span with status ERROR, in trace order. */
  public List<TraceError> errors() {
    return views.errors;
  }

  /** Spans started but not ended when the trace was taken (minus any that also appear finished). */
  public List<UnfinishedSpan> unfinishedSpans() {
    return unfinished;
  }

  /** The summed token usage of all LLM calls. */
  public Usage totalUsage() {
    return views.llmCalls.stream().map(LlmCall::usage).reduce(Usage.NONE, Usage::plus);
  }

  /** Irregularities met while building the trace (duplicate span ids, parent cycles). */
  public List<String> notes() {
    return notes;
  }

  /** The number of finished spans. */
  public int size() {
    return spans.size();
  }

  /** True when there are neither finished nor unfinished spans. */
  public boolean isEmpty() {
    return spans.isEmpty() && unfinished.isEmpty();
  }

  /** The trace as a readable tree, one line per span, for failure messages. */
  public String toTreeString() {
    return TraceTreeRenderer.render(this, null);
  }

  /** {@link #toTreeString()} with the span {@code markedSpanId} marked {@code ▶ … ◀ here}. */
  public String toTreeString(String markedSpanId) {
    return TraceTreeRenderer.render(this, markedSpanId);
  }

  SpanViews views() {
    return views;
  }

  @Override
  public String toString() {
    return "AgentTrace[" + spans.size() + " spans, " + executions.size() + " executions, " + views.segments.size()
        + " segments, " + views.llmCalls.size() + " LLM calls, " + views.toolInvocations.size() + " tool calls, "
        + views.errors.size() + " errors, " + unfinished.size() + " unfinished]";
  }
}
