package dev.agenttrace.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the typed views of a trace once, from the depth-first span list: LLM calls, tool invocations, steps,
 * segments (with the views that ran inside them) and errors, each list in trace order and each view findable by
 * span id.
 */
final class SpanViews {
  final List<LlmCall> llmCalls = new ArrayList<>();
  final List<ToolInvocation> toolInvocations = new ArrayList<>();
  final List<Step> steps = new ArrayList<>();
  final List<Segment> segments = new ArrayList<>();
  final List<TraceError> errors = new ArrayList<>();
  final Map<String, LlmCall> llmCallBySpanId = new HashMap<>();
  final Map<String, ToolInvocation> toolBySpanId = new HashMap<>();
  final Map<String, Step> stepBySpanId = new HashMap<>();
  final Map<String, Segment> segmentBySpanId = new HashMap<>();

  SpanViews(List<TraceSpan> depthFirst) {
    for (TraceSpan span : depthFirst) {
      switch (span.category()) {
        case LLM_CALL -> add(span, new LlmCall(span), llmCalls, llmCallBySpanId);
        case TOOL_CALL -> add(span, new ToolInvocation(span), toolInvocations, toolBySpanId);
        case STEP -> add(span, new Step(span), steps, stepBySpanId);
        default -> { }
      }
      TraceError.of(span).ifPresent(errors::add);
    }
    for (TraceSpan span : depthFirst) {
      if (span.category().isSegment()) {
        add(span, segmentOf(span), segments, segmentBySpanId);
      }
    }
  }

  private static <T> void add(TraceSpan span, T view, List<T> list, Map<String, T> index) {
    list.add(view);
    index.put(span.spanId(), view);
  }

  /** The segment with the views among its descendants, not descending into nested segments (child agents). */
  private Segment segmentOf(TraceSpan segmentSpan) {
    List<LlmCall> calls = new ArrayList<>();
    List<ToolInvocation> tools = new ArrayList<>();
    List<Step> segmentSteps = new ArrayList<>();
    Deque<TraceSpan> stack = new ArrayDeque<>();
    pushChildren(segmentSpan, stack);
    while (!stack.isEmpty()) {
      TraceSpan span = stack.pop();
      if (span.category().isSegment()) {
        continue;
      }
      String id = span.spanId();
      if (llmCallBySpanId.containsKey(id)) {
        calls.add(llmCallBySpanId.get(id));
      } else if (toolBySpanId.containsKey(id)) {
        tools.add(toolBySpanId.get(id));
      } else if (stepBySpanId.containsKey(id)) {
        segmentSteps.add(stepBySpanId.get(id));
      }
      pushChildren(span, stack);
    }
    return new Segment(segmentSpan, calls, tools, segmentSteps);
  }

  private static void pushChildren(TraceSpan span, Deque<TraceSpan> stack) {
    List<TraceSpan> children = span.children();
    for (int i = children.size() - 1; i >= 0; i--) {
      stack.push(children.get(i));
    }
  }
}
