package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.WaitInfo;
import dev.agenttrace.trace.WaitKind;
import java.util.Arrays;
import java.util.List;

/** Assertions on one execution segment: how it ended, what it waited on, whether it resumed another. */
public class SegmentAssert extends AbstractTraceElementAssert<SegmentAssert, Segment> {

  public SegmentAssert(Segment actual, AgentTrace trace) {
    super(actual, trace, SegmentAssert.class);
  }

  @Override
  protected String spanId() {
    return actual.span().spanId();
  }

  public SegmentAssert hasOutcome(SegmentOutcome expected) {
    isNotNull();
    if (actual.outcome() != expected) {
      failWith("segment " + describe() + " to end " + expected.wireValue(), expected, actual.outcome(),
          "it ended " + actual.outcome().wireValue());
    }
    return this;
  }

  /** The segment ended waiting on a wait of this kind. */
  public SegmentAssert isWaitingOn(WaitKind expected) {
    hasOutcome(SegmentOutcome.WAITING);
    WaitKind kind = actual.waitKind().orElse(WaitKind.UNKNOWN);
    if (kind != expected) {
      failWith("segment " + describe() + " to wait on " + expected.wireValue(), expected, kind,
          "it waited on " + actual.waitInfo().map(WaitInfo::describe).orElse("nothing recorded"));
    }
    return this;
  }

  /** The segment ended waiting on exactly these tools, in this order. */
  public SegmentAssert isWaitingOnTools(String... toolNames) {
    isWaitingOn(WaitKind.TOOL);
    List<String> tools = actual.waitInfo().map(WaitInfo::tools).orElse(List.of());
    if (!tools.equals(Arrays.asList(toolNames))) {
      failWith("segment " + describe() + " to wait on tools " + Arrays.asList(toolNames), Arrays.asList(toolNames),
          tools, "it waited on tools " + tools);
    }
    return this;
  }

  /** The segment continues an earlier one (it carries a link or previous-span id and a resume event). */
  public SegmentAssert isResumed() {
    isNotNull();
    if (!actual.isResumed()) {
      failWith("segment " + describe() + " to resume an earlier segment", "resumed", "not resumed",
          "it has no link to a previous segment");
    }
    return this;
  }

  public SegmentAssert hasLlmCallCount(int expected) {
    isNotNull();
    int count = actual.llmCalls().size();
    if (count != expected) {
      failWith("segment " + describe() + " to make " + expected + " LLM call(s)", expected, count,
          "it made " + count);
    }
    return this;
  }

  private String describe() {
    return actual.index().isPresent() ? "#" + actual.index().getAsInt() + " of " + actual.agentName()
        : actual.span().name();
  }
}
