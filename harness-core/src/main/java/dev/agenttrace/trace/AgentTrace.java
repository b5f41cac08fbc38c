package dev.agenttrace.trace;

import dev.agenttrace.llm.Usage;
import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.dialect.SpanDialects;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The captured trace of one test: every finished span arranged as a tree (depth first, siblings by start time),
 * the typed views assertions work with ({@link Execution}s stitched from {@link Segment}s, {@link LlmCall}s,
 * {@link ToolInvocation}s, {@link Step}s, {@link TraceError}s), and the spans that never ended. It may hold several
 * OpenTelemetry traces. It owns the indexes over them: the typed view of a span ({@link #viewOf}), the segment a
 * span ran in ({@link #segmentOf}) and the execution it belongs to ({@link #executionOf}), so readers never rebuild
 * them. Immutable and safe to read from several threads; message JSON is parsed on first use, not when the trace is
 * built. Building it never throws on odd input — missing attributes, malformed message JSON, duplicate span ids and
 * parent cycles are tolerated and noted.
 */
public final class AgentTrace {
  private static final AgentTrace EMPTY = new AgentTrace(List.of(), List.of());

  private final List<TraceSpan> spans;
  private final List<TraceSpan> roots;
  private final Map<String, TraceSpan> bySpanId;
  private final List<String> notes;
  private final SpanViews views;
  private final List<Execution> executions;
  private final Map<String, Execution> executionBySegmentId;
  private final List<UnfinishedSpan> unfinished;

  private AgentTrace(Collection<SpanData> finished, List<UnfinishedSpan> unfinished) {
    TraceTreeBuilder tree = new TraceTreeBuilder(finished);
    this.spans = List.copyOf(tree.depthFirst());
    this.roots = List.copyOf(tree.roots());
    this.bySpanId = Map.copyOf(tree.bySpanId());
    this.notes = List.copyOf(tree.notes());
    this.views = new SpanViews(spans);
    this.executions = List.copyOf(ExecutionStitcher.stitch(views.segments));
    this.executionBySegmentId = new HashMap<>();
    for (Execution execution : executions) {
      execution.segments().forEach(segment -> executionBySegmentId.put(segment.span().spanId(), execution));
    }
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

  /** The finished span with this id. */
  public Optional<TraceSpan> span(String spanId) {
    return Optional.ofNullable(bySpanId.get(spanId));
  }

  public Optional<TraceSpan> parentOf(TraceSpan span) {
    return span.parentSpanId().map(bySpanId::get);
  }

  /**
   * The typed view of the span {@code spanId} — its {@link Segment}, {@link LlmCall}, {@link ToolInvocation} or
   * {@link Step}, the same instance the lists of this trace hold; empty for other spans and unknown ids.
   */
  public Optional<SpanView> viewOf(String spanId) {
    return Optional.ofNullable(views.viewBySpanId.get(spanId));
  }

  /**
   * The view of the span {@code spanId} when it is of the given type, e.g. {@code trace.viewOf(id, LlmCall.class)};
   * empty when the span has no view or one of another type.
   */
  public <V extends SpanView> Optional<V> viewOf(String spanId, Class<V> type) {
    return viewOf(spanId).filter(type::isInstance).map(type::cast);
  }

  /**
   * The segment the span {@code spanId} ran in: the nearest segment among its ancestors. For a segment's own span
   * that is the segment it was started in (a child agent's segment gives its parent's); empty for spans outside
   * every segment and unknown ids.
   */
  public Optional<Segment> segmentOf(String spanId) {
    return Optional.ofNullable(views.segmentBySpanId.get(spanId));
  }

  /**
   * The execution the span {@code spanId} belongs to: for a segment's own span, the execution stitched from it;
   * for any other span, the execution of the segment it ran in ({@link #segmentOf}). Empty for spans outside every
   * segment and unknown ids.
   */
  public Optional<Execution> executionOf(String spanId) {
    Execution own = executionBySegmentId.get(spanId);
    return own != null ? Optional.of(own)
        : segmentOf(spanId).map(segment -> executionBySegmentId.get(segment.span().spanId()));
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

  /**
   * The trace as a readable tree, one line per span, for failure messages; secrets redacted by the built-in rules of
   * {@link RedactionPolicy}.
   */
  public String toTreeString() {
    return TraceTreeRenderer.render(this, null);
  }

  /** {@link #toTreeString()} with the span {@code markedSpanId} marked {@code ▶ … ◀ here}. */
  public String toTreeString(String markedSpanId) {
    return TraceTreeRenderer.render(this, markedSpanId);
  }

  /** {@link #toTreeString(String)} with secrets redacted by {@code redaction} ({@code markedSpanId} may be null). */
  public String toTreeString(RedactionPolicy redaction, String markedSpanId) {
    return TraceTreeRenderer.render(this, markedSpanId, redaction);
  }

  @Override
  public String toString() {
    return "AgentTrace[" + spans.size() + " spans, " + executions.size() + " executions, " + views.segments.size()
        + " segments, " + views.llmCalls.size() + " LLM calls, " + views.toolInvocations.size() + " tool calls, "
        + views.errors.size() + " errors, " + unfinished.size() + " unfinished]";
  }
}
