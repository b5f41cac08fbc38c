package dev.agenttrace.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the typed views of a trace once, from the depth-first span list: LLM calls, tool invocations, steps,
 * segments (with the views that ran inside them) and errors, each list in trace order; and the indexes the trace
 * answers from — each view by span id, the segment each span ran in.
 */
final class SpanViews {
  final List<LlmCall> llmCalls = new ArrayList<>();
  final List<ToolInvocation> toolInvocations = new ArrayList<>();
  final List<Step> steps = new ArrayList<>();
  final List<Segment> segments = new ArrayList<>();
  final List<TraceError> errors = new ArrayList<>();
  /** Every typed view by the id of its span. */
  final Map<String, SpanView> viewBySpanId = new HashMap<>();
  /** The segment each span ran in, by span id; spans outside every segment are absent. */
  final Map<String, Segment> segmentBySpanId = new HashMap<>();

  SpanViews(List<TraceSpan> depthFirst) {
    for (TraceSpan span : depthFirst) {
      switch (span.category()) {
        case LLM_CALL -> add(span, new LlmCall(span), llmCalls);
        case TOOL_CALL -> add(span, new ToolInvocation(span), toolInvocations);
        case STEP -> add(span, new Step(span), steps);
        default -> { }
      }
      TraceError.of(span).ifPresent(errors::add);
    }
    for (TraceSpan span : depthFirst) {
      if (span.category().isSegment()) {
        add(span, segmentOf(span), segments);
      }
    }
  }

  private <T extends SpanView> void add(TraceSpan span, T view, List<T> list) {
    list.add(view);
    viewBySpanId.putIfAbsent(span.spanId(), view);
  }

  /**
   * The segment with the views among its descendants, not descending into nested segments (child agents); each
   * span met on the way, a nested segment's own span included, is noted as running in it.
   */
  private Segment segmentOf(TraceSpan segmentSpan) {
    List<LlmCall> calls = new ArrayList<>();
    List<ToolInvocation> tools = new ArrayList<>();
    List<Step> segmentSteps = new ArrayList<>();
    List<String> inside = new ArrayList<>();
    Deque<TraceSpan> stack = new ArrayDeque<>();
    pushChildren(segmentSpan, stack);
    while (!stack.isEmpty()) {
      TraceSpan span = stack.pop();
      inside.add(span.spanId());
      if (span.category().isSegment()) {
        continue;
      }
      SpanView view = viewBySpanId.get(span.spanId());
      if (view instanceof LlmCall call) {
        calls.add(call);
      } else if (view instanceof ToolInvocation tool) {
        tools.add(tool);
      } else if (view instanceof Step step) {
        segmentSteps.add(step);
      }
      pushChildren(span, stack);
    }
    Segment segment = new Segment(segmentSpan, calls, tools, segmentSteps);
    inside.forEach(id -> segmentBySpanId.putIfAbsent(id, segment));
    return segment;
  }

  private static void pushChildren(TraceSpan span, Deque<TraceSpan> stack) {
    List<TraceSpan> children = span.children();
    for (int i = children.size() - 1; i >= 0; i--) {
      stack.push(children.get(i));
    }
  }
}
