package dev.agenttrace.assertions;

import dev.agenttrace.assertions.AbstractSelectionAssert.Wording;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Execution;
import dev.agenttrace.trace.LlmCall;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.ToolInvocation;
import dev.agenttrace.trace.TraceError;
import dev.agenttrace.trace.TraceSpan;
import dev.agenttrace.trace.TraceText;
import dev.agenttrace.trace.UnfinishedSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Assertions on a whole captured trace, and the starting point of every other one. Selections:
 * {@link #toolCalls()}, {@link #llmCalls()}, {@link #steps()}, {@link #segments()}, {@link #executions()},
 * {@link #errors()}, {@link #spans()} and {@link #trajectory()} (narrow them, count them, check their order, go to
 * one element). Shortcuts: {@link #calledTool}, {@link #segment}, {@link #llmCall}. Whole-trace checks: segment
 * structure, nothing executed twice, errors and their recovery, budgets (tokens, calls, steps, duration). A failure
 * prints the trace as a tree with the span in question marked. Obtain it with
 * {@link AgentTraceAssertions#assertThat(AgentTrace)}.
 */
public class AgentTraceAssert extends AbstractTraceAssert<AgentTraceAssert, AgentTrace> {

  public AgentTraceAssert(AgentTrace actual) {
    super(actual, actual, AgentTraceAssert.class);
  }

  // ---- selections ----

  /** Every tool call, in trace order; narrow with {@code named("get_*")}, {@code withArguments(...)} .... */
  public ToolCallsAssert toolCalls() {
    return select(ToolCallsAssert.KIND);
  }

  /** Every LLM call, in trace order. */
  public LlmCallsAssert llmCalls() {
    return select(LlmCallsAssert.KIND);
  }

  /** Every journaled step that ran (replayed steps make no span). */
  public StepsAssert steps() {
    return select(StepsAssert.KIND);
  }

  /** Every execution segment, in trace order. */
  public SegmentsAssert segments() {
    return select(SegmentsAssert.KIND);
  }

  /** Every durable execution (agent or workflow run). */
  public ExecutionsAssert executions() {
    return select(ExecutionsAssert.KIND);
  }

  /** Every error (span with status ERROR). */
  public ErrorsAssert errors() {
    return select(ErrorsAssert.KIND);
  }

  /** Every finished span, depth first. */
  public SpansAssert spans() {
    return select(SpansAssert.KIND);
  }

  /**
   * The trajectory: LLM calls, tool calls and steps by start time, named {@code chat} (the operation), the tool
   * name and the step name — {@code trajectory().containsExactly("chat", "get_weather", "chat")}.
   */
  public SpansAssert trajectory() {
    return select(SpansAssert.TRAJECTORY);
  }

  /** The selection of every element of {@code kind}: a soft proxy under soft assertions, so failures are collected. */
  private <A extends AbstractSelectionAssert<A, V, ?>, V> A select(SelectionKind<A, V, ?> kind) {
    isNotNull();
    TraceSelection<V> all = kind.selectFrom(actual);
    return creator().create(kind.assertType(), TraceSelection.class, all, actual, () -> kind.newAssert().apply(all));
  }

  /**
   * The selection of every element of {@code kind} for a shortcut that returns this assert: a plain one, whose failure
   * the shortcut throws (and soft assertions then collect, once, from the shortcut).
   */
  private <A extends AbstractSelectionAssert<A, V, ?>, V> A all(SelectionKind<A, V, ?> kind) {
    isNotNull();
    return delegate(kind.newAssert().apply(kind.selectFrom(actual)));
  }

  // ---- structure ----

  /** The trace holds this many execution segments in all. */
  public AgentTraceAssert hasSegmentCount(int expected) {
    isNotNull();
    int count = actual.segments().size();
    if (count != expected) {
      failTrace("the trace to have " + expected + " execution segment(s)", expected, count, "it has " + count, null);
    }
    return this;
  }

  /** The segments, in trace order, ended with exactly these outcomes. */
  public AgentTraceAssert hasSegmentOutcomes(SegmentOutcome... expected) {
    isNotNull();
    List<SegmentOutcome> outcomes = actual.segments().stream().map(Segment::outcome).toList();
    if (!outcomes.equals(Arrays.asList(expected))) {
      failTrace("segment outcomes " + wire(Arrays.asList(expected)), Arrays.asList(expected), outcomes,
          "they were " + wire(outcomes), null);
    }
    return this;
  }

  /** Navigates to the segment at {@code index} (0-based, trace order); the same as {@code segments().nth(index)}. */
  public SegmentAssert segment(int index) {
    return select(SegmentsAssert.KIND).element(index, "#" + index + " of the", numbered("segment", index));
  }

  /** Navigates to the only execution; fails when there are none or several. */
  public ExecutionAssert execution() {
    return executions().single();
  }

  /** Every resumed segment of every execution links to the segment before it. */
  public AgentTraceAssert hasEachSegmentResumingItsPredecessor() {
    isNotNull();
    for (Execution execution : actual.executions()) {
      delegate(new ExecutionAssert(execution, actual)).hasEachSegmentResumingItsPredecessor();
    }
    return this;
  }

  /**
   * Nothing was executed twice in any execution: no tool call id, no step key and no identical LLM request (model,
   * messages and tools) occurs twice — what durable replay must guarantee.
   */
  public AgentTraceAssert executedNothingTwice() {
    isNotNull();
    List<DuplicateWork.Repeat> repeats = actual.executions().stream()
        .flatMap(execution -> DuplicateWork.in(execution).stream()).toList();
    if (!repeats.isEmpty()) {
      failTrace("nothing to be executed twice", List.of(), repeats.stream().map(DuplicateWork.Repeat::what).toList(),
          repeats.size() + " thing(s) were: " + repeats.stream().map(DuplicateWork.Repeat::describe)
              .collect(Collectors.joining("; ")), repeats.get(0).again().spanId());
    }
    return this;
  }

  /** Every span of the trace ended. */
  public AgentTraceAssert hasNoUnfinishedSpans() {
    isNotNull();
    List<UnfinishedSpan> open = actual.unfinishedSpans();
    if (!open.isEmpty()) {
      failTrace("every span to have ended", List.of(), open.stream().map(UnfinishedSpan::name).toList(),
          open.size() + " did not: " + open.stream().map(UnfinishedSpan::name).toList(), null);
    }
    return this;
  }

  // ---- LLM and tool calls ----

  /** Exactly {@code expected} LLM calls; the same as {@code llmCalls().hasSize(expected)}. */
  public AgentTraceAssert hasLlmCallCount(int expected) {
    all(LlmCallsAssert.KIND).checkSize(size -> size == expected, expected, expected, null,
        new Wording<>(expected + " LLM call(s)", calls -> "the trace has " + calls.size()));
    return this;
  }

  /** Navigates to the LLM call at {@code index} (0-based, trace order); the same as {@code llmCalls().nth(index)}. */
  public LlmCallAssert llmCall(int index) {
    return select(LlmCallsAssert.KIND).element(index, "#" + index + " of the", numbered("LLM call", index));
  }

  /** Exactly {@code expected} tool calls; the same as {@code toolCalls().hasSize(expected)}. */
  public AgentTraceAssert hasToolCallCount(int expected) {
    all(ToolCallsAssert.KIND).checkSize(size -> size == expected, expected, expected, null,
        new Wording<>(expected + " tool call(s)",
            calls -> "the trace has " + calls.size() + ": " + Values.list(calls.names())));
    return this;
  }

  /**
   * A tool whose name matches {@code toolName} (a glob: {@code *} any text, {@code ?} one character; a name without
   * them matches exactly) was called; navigates to its first invocation. The same as
   * {@code toolCalls().named(toolName).first()}, worded for the trace.
   */
  public ToolInvocationAssert calledTool(String toolName) {
    isNotNull();
    return select(ToolCallsAssert.KIND).named(toolName).element(0, "the first", new Wording<>(
        "tool '" + toolName + "' to be called", calls -> actual.toolInvocations().isEmpty() ? "no tool was called"
            : "only these were called: " + Values.list(toolNames())));
  }

  /** A tool matching {@code toolName} (a glob) was called exactly {@code times} times. */
  public AgentTraceAssert calledTool(String toolName, int times) {
    all(ToolCallsAssert.KIND).named(toolName).checkSize(size -> size == times, times, times, null,
        new Wording<>("tool '" + toolName + "' to be called " + times + " time(s)",
            calls -> "it was called " + calls.size() + " time(s)"));
    return this;
  }

  /** No tool matching {@code toolName} (a glob) was called; the same as {@code toolCalls().named(toolName).isEmpty()}. */
  public AgentTraceAssert neverCalledTool(String toolName) {
    all(ToolCallsAssert.KIND).named(toolName).checkSize(size -> size == 0, 0, 0, null,
        new Wording<>("tool '" + toolName + "' never to be called", calls -> "it was called " + calls.size()
            + " time(s), first with " + Values.show(calls.elements().get(0).arguments().orElse("{}"))));
    return this;
  }

  /**
   * The tool calls of the trace are exactly this sequence (names are globs); the same as
   * {@code toolCalls().containsExactly(toolNames)}, worded for the trace.
   */
  public AgentTraceAssert calledToolsInOrder(String... toolNames) {
    all(ToolCallsAssert.KIND).containsExactly(Arrays.asList(toolNames),
        "tool calls " + Values.list(Arrays.asList(toolNames)));
    return this;
  }

  // ---- errors ----

  /** No span of the trace has an error. */
  public AgentTraceAssert hasNoErrors() {
    isNotNull();
    List<TraceError> errors = actual.errors();
    if (!errors.isEmpty()) {
      failTrace("no errors", List.of(), errors.stream().map(TraceError::summary).toList(),
          "found " + errors.size() + ": " + errors.stream().map(e -> e.span().name() + ": " + Values.show(e.summary()))
              .collect(Collectors.joining("; ")), errors.get(0).span().spanId());
    }
    return this;
  }

  /**
   * Every failed tool call was later retried successfully (same tool), and every failed LLM call too (same model):
   * the agent recovered from each error.
   */
  public AgentTraceAssert recoveredFromErrors() {
    isNotNull();
    List<String> unrecovered = new ArrayList<>();
    String firstSpan = null;
    for (ToolInvocation failed : actual.toolInvocations()) {
      if (failed.span().isError() && !retriedLater(failed.span(), actual.toolInvocations(), ToolInvocation::span,
          tool -> tool.name().equals(failed.name()))) {
        unrecovered.add("tool '" + failed.name() + "'");
        firstSpan = firstSpan == null ? failed.span().spanId() : firstSpan;
      }
    }
    for (LlmCall failed : actual.llmCalls()) {
      if (failed.span().isError() && !retriedLater(failed.span(), actual.llmCalls(), LlmCall::span,
          call -> call.model().equals(failed.model()))) {
        unrecovered.add("LLM call to " + failed.model());
        firstSpan = firstSpan == null ? failed.span().spanId() : firstSpan;
      }
    }
    if (!unrecovered.isEmpty()) {
      failTrace("every failed call to be retried successfully", List.of(), unrecovered,
          "no successful retry followed " + String.join(", ", unrecovered), firstSpan);
    }
    return this;
  }

  private static <T> boolean retriedLater(TraceSpan failed, List<T> candidates, Function<T, TraceSpan> spanOf,
      Predicate<T> same) {
    return candidates.stream().anyMatch(candidate -> same.test(candidate)
        && !spanOf.apply(candidate).isError()
        && spanOf.apply(candidate).startEpochNanos() >= failed.endEpochNanos());
  }

  // ---- budgets ----

  public AgentTraceAssert hasTotalTokensAtMost(long maximum) {
    return budget("tokens in all", maximum, usage().totalTokens());
  }

  public AgentTraceAssert hasInputTokensAtMost(long maximum) {
    return budget("input tokens", maximum, usage().inputTokens());
  }

  public AgentTraceAssert hasOutputTokensAtMost(long maximum) {
    return budget("output tokens", maximum, usage().outputTokens());
  }

  /** At most {@code maximum} LLM calls; the same as {@code llmCalls().hasSizeAtMost(maximum)}. */
  public AgentTraceAssert hasLlmCallCountAtMost(int maximum) {
    all(LlmCallsAssert.KIND).checkSize(size -> size <= maximum, maximum, maximum, null,
        budget("LLM calls", maximum));
    return this;
  }

  /** At most {@code maximum} tool calls; the same as {@code toolCalls().hasSizeAtMost(maximum)}. */
  public AgentTraceAssert hasToolCallCountAtMost(int maximum) {
    all(ToolCallsAssert.KIND).checkSize(size -> size <= maximum, maximum, maximum, null,
        budget("tool calls", maximum));
    return this;
  }

  /** At most {@code maximum} steps ran; the same as {@code steps().hasSizeAtMost(maximum)}. */
  public AgentTraceAssert hasStepCountAtMost(int maximum) {
    all(StepsAssert.KIND).checkSize(size -> size <= maximum, maximum, maximum, null,
        budget("steps", maximum));
    return this;
  }

  /** From the first span's start to the last span's end took less than {@code limit}. */
  public AgentTraceAssert hasDurationLessThan(Duration limit) {
    isNotNull();
    Duration duration = duration();
    if (duration.compareTo(limit) >= 0) {
      failTrace("the trace to take less than " + TraceText.duration(limit), limit, duration,
          "it took " + TraceText.duration(duration), null);
    }
    return this;
  }

  private Duration duration() {
    long start = actual.spans().stream().mapToLong(TraceSpan::startEpochNanos).min().orElse(0);
    long end = actual.spans().stream().mapToLong(TraceSpan::endEpochNanos).max().orElse(0);
    return Duration.ofNanos(Math.max(0, end - start));
  }

  private Usage usage() {
    isNotNull();
    return actual.totalUsage();
  }

  private AgentTraceAssert budget(String what, long maximum, long used) {
    isNotNull();
    if (used > maximum) {
      failTrace("at most " + maximum + " " + noun(what, maximum), maximum, used, "the trace used " + used, null);
    }
    return this;
  }

  private static <V> Wording<V> budget(String what, long maximum) {
    return new Wording<>("at most " + maximum + " " + noun(what, maximum),
        selection -> "the trace used " + selection.size());
  }

  private static String noun(String what, long count) {
    return count == 1 ? what.replaceAll("\\b(call|token|step)s\\b", "$1") : what;
  }

  // ---- helpers ----

  private static <V> Wording<V> numbered(String what, int index) {
    return new Wording<>(what + " #" + index, all -> "the trace has " + all.size() + " " + what + "(s)");
  }

  private List<String> toolNames() {
    return actual.toolInvocations().stream().map(ToolInvocation::name).toList();
  }

  private static String wire(List<SegmentOutcome> outcomes) {
    return outcomes.stream().map(SegmentOutcome::wireValue).toList().toString();
  }

  private void failTrace(String expectation, Object expected, Object found, String foundDescription, String spanId) {
    fail(expecting(expectation).but(foundDescription).marking(spanId), expected, found);
  }
}
