package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SpanCategory;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.TraceSpan;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Assertions on any spans of a trace (HTTP, database, agent spans alike), or a selection of them; names are span
 * names, except in {@link AgentTraceAssert#trajectory()} where they are trajectory labels. Adds {@link #ofCategory}.
 */
public class SpansAssert extends AbstractSelectionAssert<SpansAssert, TraceSpan, SpanAssert> {

  /** What this assert selects and which asserts it makes; also behind {@code AgentTraceAssertions}' factory. */
  static final SelectionKind<SpansAssert, TraceSpan, SpanAssert> KIND =
      new SelectionKind<>("span", SpansAssert.class, SpansAssert::new, TraceSpan.class, SpanAssert.class,
          SpanAssert::new, AgentTrace::spans, Function.identity(), TraceSpan::name);

  public SpansAssert(TraceSelection<TraceSpan> actual) {
    super(actual, KIND);
  }

  /** Spans of this category (agent segment, LLM call, tool call, step, other). */
  public SpansAssert ofCategory(SpanCategory category) {
    return where(new Criterion<>("of category " + category, "category", category.name(),
        span -> span.category() == category, span -> span.category().name()));
  }

  /**
   * The trajectory: LLM calls, tool calls and steps by start time, labelled by operation ({@code chat}), tool
   * name and step name.
   */
  static final SelectionKind<SpansAssert, TraceSpan, SpanAssert> TRAJECTORY =
      KIND.selecting("trajectory step", SpansAssert::trajectoryOf, SpansAssert::trajectoryLabel);

  private static List<TraceSpan> trajectoryOf(AgentTrace trace) {
    return trace.spans().stream()
        .filter(span -> span.category() == SpanCategory.LLM_CALL || span.category() == SpanCategory.TOOL_CALL
            || span.category() == SpanCategory.STEP)
        .sorted(Comparator.comparingLong(TraceSpan::startEpochNanos)).toList();
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
