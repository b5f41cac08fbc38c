package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.TraceSpan;
import dev.agenttrace.trace.WaitInfo;
import dev.agenttrace.trace.WaitKind;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Assertions on one execution segment: how it ended, what it waited on, whether it resumed (and from which
 * segment), how many journaled operations it replayed, and what ran in it.
 */
public class SegmentAssert extends AbstractTraceElementAssert<SegmentAssert, Segment> {

  public SegmentAssert(Segment actual) {
    this(actual, null);
  }

  public SegmentAssert(Segment actual, AgentTrace trace) {
    super(actual, trace, SegmentAssert.class);
  }

  @Override
  protected TraceSpan span() {
    return actual.span();
  }

  @Override
  protected String describe() {
    return "segment " + (actual.index().isPresent() ? "#" + actual.index().getAsInt() + " of " + actual.agentName()
        : actual.span().name());
  }

  public SegmentAssert hasOutcome(SegmentOutcome expected) {
    isNotNull();
    if (actual.outcome() != expected) {
      failWith(describe() + " to end " + expected.wireValue(), expected, actual.outcome(),
          "it ended " + actual.outcome().wireValue());
    }
    return this;
  }

  /**
   * The segment ended waiting on a wait of this kind — one of its waits, when it entered several at once
   * ({@code AgentContext.awaitAll}).
   */
  public SegmentAssert isWaitingOn(WaitKind expected) {
    hasOutcome(SegmentOutcome.WAITING);
    List<WaitKind> kinds = actual.waits().stream().map(WaitInfo::kind).toList();
    if (!kinds.contains(expected)) {
      failWith(describe() + " to wait on " + expected.wireValue(), expected,
          oneOrAll(kinds, WaitKind.UNKNOWN), "it waited on " + waited());
    }
    return this;
  }

  /**
   * The segment ended waiting on exactly these tools (names are globs), in this order: the tools of its tool waits
   * together, when it entered several waits at once.
   */
  public SegmentAssert isWaitingOnTools(String... toolNames) {
    isWaitingOn(WaitKind.TOOL);
    List<String> tools = actual.waits().stream().filter(wait -> wait.kind() == WaitKind.TOOL)
        .flatMap(wait -> wait.tools().stream()).toList();
    if (Sequences.exactly(tools, Arrays.asList(toolNames)).isPresent()) {
      failWith(describe() + " to wait on tools " + Arrays.asList(toolNames), Arrays.asList(toolNames),
          tools, "it waited on tools " + tools);
    }
    return this;
  }

  /**
   * The segment waits on the event, approval or child whose name matches {@code name} (a glob) — one of its waits,
   * when it entered several at once.
   */
  public SegmentAssert isWaitingFor(String name) {
    hasOutcome(SegmentOutcome.WAITING);
    Glob glob = Glob.of(name);
    List<String> names = actual.waits().stream().map(WaitInfo::name).filter(Objects::nonNull).toList();
    if (names.stream().noneMatch(glob::matches)) {
      failWith(describe() + " to wait for '" + name + "'", name,
          oneOrAll(names, null), "it waited on " + waited());
    }
    return this;
  }

  /** What the failure shows as found: the one value, all of them, or {@code none}. */
  private static Object oneOrAll(List<?> values, Object none) {
    return values.isEmpty() ? none : values.size() == 1 ? values.get(0) : values;
  }

  /** Every wait of the segment, described, joined with {@code +}. */
  private String waited() {
    return actual.waits().isEmpty() ? "nothing recorded"
        : actual.waits().stream().map(WaitInfo::describe).collect(Collectors.joining(" + "));
  }

  /** The segment continues an earlier one (it carries a link or previous-span id and a resume event). */
  public SegmentAssert isResumed() {
    isNotNull();
    if (!actual.isResumed()) {
      failWith(describe() + " to resume an earlier segment", "resumed", "not resumed",
          "it has no link to a previous segment");
    }
    return this;
  }

  /** The segment continues the segment at {@code index} (trace order): its link points at that segment's span. */
  public SegmentAssert isResumedFrom(int index) {
    isResumed();
    List<Segment> segments = trace() == null ? List.of() : trace().segments();
    String expected = index >= 0 && index < segments.size() ? segments.get(index).span().spanId() : "segment #" + index;
    String previous = actual.previousSpanId().orElse(null);
    if (!expected.equals(previous)) {
      failWith(describe() + " to resume segment #" + index + " (span " + expected + ")", expected, previous,
          "it links to span " + previous);
    }
    return this;
  }

  /** How many journaled operations the segment replayed instead of running them again. */
  public SegmentAssert hasReplayed(long expected) {
    isNotNull();
    if (actual.replayed() != expected) {
      failWith(describe() + " to replay " + expected + " operation(s)", expected, actual.replayed(),
          "it replayed " + actual.replayed());
    }
    return this;
  }

  public SegmentAssert hasLlmCallCount(int expected) {
    return hasCount("make " + expected + " LLM call(s)", expected, actual == null ? 0 : actual.llmCalls().size());
  }

  public SegmentAssert hasToolCallCount(int expected) {
    return hasCount("run " + expected + " tool call(s)", expected,
        actual == null ? 0 : actual.toolInvocations().size());
  }

  public SegmentAssert hasStepCount(int expected) {
    return hasCount("run " + expected + " step(s)", expected, actual == null ? 0 : actual.steps().size());
  }

  private SegmentAssert hasCount(String expectation, int expected, int count) {
    isNotNull();
    if (count != expected) {
      failWith(describe() + " to " + expectation, expected, count, "it made " + count);
    }
    return this;
  }
}
