package dev.agenttrace.assertions;

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
    return select(ToolCallsAssert.class, ToolCallsAssert::of, ToolCallsAssert::new);
  }

  /** Every LLM call, in trace order. */
  public LlmCallsAssert llmCalls() {
    return select(LlmCallsAssert.class, LlmCallsAssert::of, LlmCallsAssert::new);
  }

  /** Every journaled step that ran (replayed steps make no span). */
  public StepsAssert steps() {
    return select(StepsAssert.class, StepsAssert::of, StepsAssert::new);
  }

  /** Every execution segment, in trace order. */
  public SegmentsAssert segments() {
    return select(SegmentsAssert.class, SegmentsAssert::of, SegmentsAssert::new);
  }

  /** Every durable execution (agent or workflow run). */
  public ExecutionsAssert executions() {
    return select(ExecutionsAssert.class, ExecutionsAssert::of, ExecutionsAssert::new);
  }

  /** Every error (span with status ERROR). */
  public ErrorsAssert errors() {
    return select(ErrorsAssert.class, ErrorsAssert::of, ErrorsAssert::new);
  }

  /** Every finished span, depth first. */
  public SpansAssert spans() {
    return select(SpansAssert.class, SpansAssert::of, SpansAssert::new);
  }

  /**
   * The trajectory: LLM calls, tool calls and steps by start time, named {@code chat} (the operation), the tool
   * name and the step name — {@code trajectory().containsExactly("chat", "get_weather", "chat")}.
   */
  public SpansAssert trajectory() {
    return select(SpansAssert.class, SpansAssert::trajectoryOf, SpansAssert::new);
  }

  private <A extends AbstractSelectionAssert<A, V, ?>, V> A select(Class<A> type,
      Function<AgentTrace, TraceSelection<V>> selection, Function<TraceSelection<V>, A> constructor) {
    isNotNull();
    TraceSelection<V> all = selection.apply(actual);
    return creator().create(type, TraceSelection.class, all, actual, () -> constructor.apply(all));
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

  /** Navigates to the segment at {@code index} (0-based, trace order). */
  public SegmentAssert segment(int index) {
    Segment segment = elementAt(actual == null ? List.of() : actual.segments(), index, "segment");
    return creator().create(SegmentAssert.class, Segment.class, segment, actual,
        () -> new SegmentAssert(segment, actual));
  }

  /** Navigates to the only execution; fails when there are none or several. */
  public ExecutionAssert execution() {
    return executions().single();
  }

  /** Every resumed segment of every execution links to the segment before it. */
  public AgentTraceAssert hasEachSegmentResumingItsPredecessor() {
    isNotNull();
    for (Execution execution : actual.executions()) {
      new ExecutionAssert(execution, actual).hasEachSegmentResumingItsPredecessor();
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

  public AgentTraceAssert hasLlmCallCount(int expected) {
    isNotNull();
    int count = actual.llmCalls().size();
    if (count != expected) {
      failTrace(expected + " LLM call(s)", expected, count, "the trace has " + count, null);
    }
    return this;
  }

  /** Navigates to the LLM call at {@code index} (0-based, trace order). */
  public LlmCallAssert llmCall(int index) {
    LlmCall call = elementAt(actual == null ? List.of() : actual.llmCalls(), index, "LLM call");
    return creator().create(LlmCallAssert.class, LlmCall.class, call, actual, () -> new LlmCallAssert(call, actual));
  }

  public AgentTraceAssert hasToolCallCount(int expected) {
    isNotNull();
    int count = actual.toolInvocations().size();
    if (count != expected) {
      failTrace(expected + " tool call(s)", expected, count, "the trace has " + count + ": " + toolNames(), null);
    }
    return this;
  }

  /** The tool was called; navigates to its first invocation. */
  public ToolInvocationAssert calledTool(String toolName) {
    isNotNull();
    ToolInvocation invocation = invocationsOf(toolName).stream().findFirst().orElse(null);
    if (invocation == null) {
      creator().report(failure(expecting("tool '" + toolName + "' to be called")
          .but(actual.toolInvocations().isEmpty() ? "no tool was called" : "only these were called: " + toolNames())
          .withNearMiss(closestTool(toolName)), toolName, toolNames()));
    }
    return creator().create(ToolInvocationAssert.class, ToolInvocation.class, invocation, actual,
        () -> new ToolInvocationAssert(invocation, actual));
  }

  /** The tool was called exactly {@code times} times. */
  public AgentTraceAssert calledTool(String toolName, int times) {
    isNotNull();
    List<ToolInvocation> calls = invocationsOf(toolName);
    if (calls.size() != times) {
      failTrace("tool '" + toolName + "' to be called " + times + " time(s)", times, calls.size(),
          "it was called " + calls.size() + " time(s)", calls.isEmpty() ? null : calls.get(0).span().spanId());
    }
    return this;
  }

  public AgentTraceAssert neverCalledTool(String toolName) {
    isNotNull();
    List<ToolInvocation> calls = invocationsOf(toolName);
    if (!calls.isEmpty()) {
      failTrace("tool '" + toolName + "' never to be called", 0, calls.size(),
          "it was called " + calls.size() + " time(s), first with "
              + Values.show(calls.get(0).arguments().orElse("{}")), calls.get(0).span().spanId());
    }
    return this;
  }

  /** The tools were called in exactly this sequence (all tool calls of the trace). */
  public AgentTraceAssert calledToolsInOrder(String... toolNames) {
    isNotNull();
    List<String> called = toolNames();
    if (!called.equals(Arrays.asList(toolNames))) {
      failTrace("tool calls " + Values.list(Arrays.asList(toolNames)), Arrays.asList(toolNames), called,
          "they were " + Values.list(called), null);
    }
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

  public AgentTraceAssert hasLlmCallCountAtMost(int maximum) {
    return budget("LLM calls", maximum, actual == null ? 0 : actual.llmCalls().size());
  }

  public AgentTraceAssert hasToolCallCountAtMost(int maximum) {
    return budget("tool calls", maximum, actual == null ? 0 : actual.toolInvocations().size());
  }

  public AgentTraceAssert hasStepCountAtMost(int maximum) {
    return budget("steps", maximum, actual == null ? 0 : actual.steps().size());
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
      String noun = maximum == 1 ? what.replaceAll("\\b(call|token|step)s\\b", "$1") : what;
      failTrace("at most " + maximum + " " + noun, maximum, used, "the trace used " + used, null);
    }
    return this;
  }

  // ---- helpers ----

  private <T> T elementAt(List<T> elements, int index, String what) {
    isNotNull();
    if (index < 0 || index >= elements.size()) {
      creator().report(failure(expecting(what + " #" + index)
          .but("the trace has " + elements.size() + " " + what + "(s)"), what + " #" + index,
          elements.size() + " " + what + "(s)"));
      return null;
    }
    return elements.get(index);
  }

  private NearMissTable closestTool(String toolName) {
    TraceSelection<ToolInvocation> named = ToolCallsAssert.of(actual).where(new Criterion<>("named " + toolName,
        "name", toolName, tool -> tool.name().equals(toolName), ToolInvocation::name));
    return named.closestMiss().map(named::nearMiss).orElse(null);
  }

  private List<ToolInvocation> invocationsOf(String toolName) {
    return actual.toolInvocations().stream().filter(tool -> tool.name().equals(toolName)).toList();
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
