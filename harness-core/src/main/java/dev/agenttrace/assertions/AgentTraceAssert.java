package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.ToolInvocation;
import dev.agenttrace.trace.TraceError;
import dev.agenttrace.trace.UnfinishedSpan;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a whole captured trace: its execution segments, LLM calls, tool calls and errors, and navigation to
 * typed assertions on each ({@link #segment}, {@link #llmCall}, {@link #calledTool}). A failure prints the trace as a
 * tree with the span in question marked. Obtain it with {@link AgentTraceAssertions#assertThat(AgentTrace)}.
 */
public class AgentTraceAssert extends AbstractAssert<AgentTraceAssert, AgentTrace> {

  public AgentTraceAssert(AgentTrace actual) {
    super(actual, AgentTraceAssert.class);
  }

  /** The trace holds this many execution segments in all. */
  public AgentTraceAssert hasSegmentCount(int expected) {
    isNotNull();
    int count = actual.segments().size();
    if (count != expected) {
      fail("the trace to have " + expected + " execution segment(s)", expected, count, "it has " + count, null);
    }
    return this;
  }

  /** The segments, in trace order, ended with exactly these outcomes. */
  public AgentTraceAssert hasSegmentOutcomes(SegmentOutcome... expected) {
    isNotNull();
    List<SegmentOutcome> outcomes = actual.segments().stream().map(Segment::outcome).toList();
    if (!outcomes.equals(Arrays.asList(expected))) {
      fail("segment outcomes " + wire(Arrays.asList(expected)), Arrays.asList(expected), outcomes,
          "they were " + wire(outcomes), null);
    }
    return this;
  }

  /** Navigates to the segment at {@code index} (0-based, trace order). */
  public SegmentAssert segment(int index) {
    return new SegmentAssert(elementAt(actual.segments(), index, "segment"), actual);
  }

  public AgentTraceAssert hasLlmCallCount(int expected) {
    isNotNull();
    int count = actual.llmCalls().size();
    if (count != expected) {
      fail(expected + " LLM call(s)", expected, count, "the trace has " + count, null);
    }
    return this;
  }

  /** Navigates to the LLM call at {@code index} (0-based, trace order). */
  public LlmCallAssert llmCall(int index) {
    return new LlmCallAssert(elementAt(actual.llmCalls(), index, "LLM call"), actual);
  }

  public AgentTraceAssert hasToolCallCount(int expected) {
    isNotNull();
    int count = actual.toolInvocations().size();
    if (count != expected) {
      fail(expected + " tool call(s)", expected, count, "the trace has " + count + ": " + toolNames(), null);
    }
    return this;
  }

  /** The tool was called; navigates to its first invocation. */
  public ToolInvocationAssert calledTool(String toolName) {
    isNotNull();
    ToolInvocation invocation = actual.toolInvocations().stream()
        .filter(tool -> tool.name().equals(toolName)).findFirst().orElse(null);
    if (invocation == null) {
      fail("tool '" + toolName + "' to be called", toolName, toolNames(),
          actual.toolInvocations().isEmpty() ? "no tool was called" : "only these were called: " + toolNames(),
          null);
    }
    return new ToolInvocationAssert(invocation, actual);
  }

  /** The tool was called exactly {@code times} times. */
  public AgentTraceAssert calledTool(String toolName, int times) {
    isNotNull();
    List<ToolInvocation> calls = invocationsOf(toolName);
    if (calls.size() != times) {
      fail("tool '" + toolName + "' to be called " + times + " time(s)", times, calls.size(),
          "it was called " + calls.size() + " time(s)", calls.isEmpty() ? null : calls.get(0).span().spanId());
    }
    return this;
  }

  public AgentTraceAssert neverCalledTool(String toolName) {
    isNotNull();
    List<ToolInvocation> calls = invocationsOf(toolName);
    if (!calls.isEmpty()) {
      fail("tool '" + toolName + "' never to be called", 0, calls.size(),
          "it was called " + calls.size() + " time(s), first with " + calls.get(0).arguments().orElse("{}"),
          calls.get(0).span().spanId());
    }
    return this;
  }

  /** The tools were called in exactly this sequence (all tool calls of the trace). */
  public AgentTraceAssert calledToolsInOrder(String... toolNames) {
    isNotNull();
    List<String> called = toolNames();
    if (!called.equals(Arrays.asList(toolNames))) {
      fail("tool calls " + Arrays.asList(toolNames), Arrays.asList(toolNames), called, "they were " + called, null);
    }
    return this;
  }

  /** No span of the trace has an error. */
  public AgentTraceAssert hasNoErrors() {
    isNotNull();
    List<TraceError> errors = actual.errors();
    if (!errors.isEmpty()) {
      fail("no errors", List.of(), errors.stream().map(TraceError::summary).toList(),
          "found " + errors.size() + ": " + errors.stream().map(e -> e.span().name() + ": " + e.summary())
              .collect(Collectors.joining("; ")),
          errors.get(0).span().spanId());
    }
    return this;
  }

  /** Every span of the trace ended. */
  public AgentTraceAssert hasNoUnfinishedSpans() {
    isNotNull();
    List<UnfinishedSpan> open = actual.unfinishedSpans();
    if (!open.isEmpty()) {
      fail("every span to have ended", List.of(), open.stream().map(UnfinishedSpan::name).toList(),
          open.size() + " did not: " + open.stream().map(UnfinishedSpan::name).toList(), null);
    }
    return this;
  }

  private <T> T elementAt(List<T> elements, int index, String what) {
    isNotNull();
    if (index < 0 || index >= elements.size()) {
      fail(what + " #" + index, what + " #" + index, elements.size() + " " + what + "(s)",
          "the trace has " + elements.size() + " " + what + "(s)", null);
    }
    return elements.get(index);
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

  private void fail(String expectation, Object expected, Object found, String foundDescription, String spanId) {
    throw failureWithActualExpected(found, expected, "%s",
        TraceFailures.message(expectation, foundDescription, actual, spanId));
  }
}
