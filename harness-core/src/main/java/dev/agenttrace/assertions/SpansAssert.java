package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SpanCategory;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.TraceSpan;
import java.util.Comparator;
import java.util.function.Function;

/**
 * Assertions on any spans of a trace (HTTP, database, agent spans alike), or a selection of them; names are span
 * names, except in {@link AgentTraceAssert#trajectory()} where they are trajectory labels. Adds {@link #ofCategory}.
 */
public class SpansAssert extends AbstractSelectionAssert<SpansAssert, TraceSpan, SpanAssert> {

  public SpansAssert(TraceSelection<TraceSpan> actual) {
    super(actual, SpansAssert.class);
  }

  @Override
  protected SpansAssert newSelectionAssert(TraceSelection<TraceSpan> selection) {
    return new SpansAssert(selection);
  }

  @Override
  protected SpanAssert newElementAssert(TraceSpan element) {
    return new SpanAssert(element, trace());
  }

  @Override
  protected Class<SpanAssert> elementAssertType() {
    return SpanAssert.class;
  }

  @Override
  protected Class<TraceSpan> elementType() {
    return TraceSpan.class;
  }

  /** Spans of this category (agent segment, LLM call, tool call, step, other). */
  public SpansAssert ofCategory(SpanCategory category) {
    return where(new Criterion<>("of category " + category, "category", category.name(),
        span -> span.category() == category, span -> span.category().name()));
  }

  static TraceSelection<TraceSpan> of(AgentTrace trace) {
    return TraceSelection.of(trace, "span", trace.spans(), Function.identity(), TraceSpan::name);
  }

  /**
   * The trajectory: LLM calls, tool calls and steps by start time, labelled by operation ({@code chat}), tool
   * name and step name.
   */
  static TraceSelection<TraceSpan> trajectoryOf(AgentTrace trace) {
    var moves = trace.spans().stream()
        .filter(span -> span.category() == SpanCategory.LLM_CALL || span.category() == SpanCategory.TOOL_CALL
            || span.category() == SpanCategory.STEP)
        .sorted(Comparator.comparingLong(TraceSpan::startEpochNanos)).toList();
    return TraceSelection.of(trace, "trajectory step", moves, Function.identity(), SpansAssert::trajectoryLabel);
  }

  private static String trajectoryLabel(TraceSpan span) {
    return switch (span.category()) {
      case LLM_CALL -> span.attribute(SpanConventions.GEN_AI_OPERATION_NAME).orElse(SpanConventions.OP_CHAT);
      case TOOL_CALL -> span.attribute(SpanConventions.GEN_AI_TOOL_NAME).orElse(span.name());
      case STEP -> span.attribute(SpanConventions.STEP_NAME).orElse(span.name());
      default -> span.name();
    };
  }
}
