package dev.agenttrace.assertions;

import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.runtime.ExecutedOperation;
import dev.agenttrace.runtime.RunStatus;
import dev.agenttrace.trace.Execution;
import dev.agenttrace.trace.ResumeInfo;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.TraceText;
import dev.agenttrace.trace.WaitInfo;
import io.opentelemetry.sdk.trace.data.EventData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durability assertions on one {@link AgentRun}: every wait resumed exactly once, nothing really executed twice (as
 * counted by the runtime, not from spans), how a crash turned out, how long the run waited on something in virtual
 * time, who approved, how much each segment replayed, and which child agents ran. The run's trace is taken when the
 * assertion is created; failures are {@link TraceAssertionError}s that print it with the segment in question marked.
 *
 * <pre>{@code
 * assertThat(run).executedNothingTwice().resumedExactlyOncePerWait()
 *     .wasApprovedBy("refund", "ada").waitedOnAtLeast("approval refund", Duration.ofHours(1));
 * }</pre>
 */
public class DurabilityAssert extends AbstractTraceAssert<DurabilityAssert, AgentRun<?>> {
  private static final List<String> CRASH_CAUSES = List.of("crash_recovered", "process_restart");

  public DurabilityAssert(AgentRun<?> actual) {
    super(actual, actual == null ? null : actual.trace(), DurabilityAssert.class);
  }

  /** No LLM call, tool call, step or child agent ran twice in this run or its children. */
  public DurabilityAssert executedNothingTwice() {
    isNotNull();
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, ExecutedOperation> first = new LinkedHashMap<>();
    for (ExecutedOperation executed : actual.executions()) {
      String identity = executed.executionId() + "|" + executed.key();
      counts.merge(identity, 1, Integer::sum);
      first.putIfAbsent(identity, executed);
    }
    List<String> twice = new ArrayList<>();
    counts.forEach((identity, count) -> {
      if (count > 1) {
        twice.add(first.get(identity).describe() + " ran " + count + " times");
      }
    });
    if (!twice.isEmpty()) {
      fail(expecting(describeRun() + " to execute nothing twice").but(String.join("; ", twice)), List.of(), twice);
    }
    return this;
  }

  /** Every wait of every execution in the run resumed exactly once (recoveries after a crash aside). */
  public DurabilityAssert resumedExactlyOncePerWait() {
    isNotNull();
    List<String> problems = new ArrayList<>();
    String marked = null;
    for (Execution execution : trace().executions()) {
      List<String> waits = new ArrayList<>();
      int resumes = 0;
      for (Segment segment : execution.segments()) {
        if (segment.resumeInfo().filter(resume -> !CRASH_CAUSES.contains(resume.cause())).isPresent()) {
          resumes++;
        }
        if (segment.outcome() == SegmentOutcome.WAITING) {
          String key = segment.waitInfo().map(WaitInfo::key).orElse(segment.span().spanId());
          if (!waits.contains(key)) {
            waits.add(key);
          }
        }
      }
      boolean stillWaiting = execution.outcome() == SegmentOutcome.WAITING;
      int expected = stillWaiting ? waits.size() - 1 : waits.size();
      if (resumes != expected) {
        problems.add(execution.name() + " waited " + waits.size() + " time(s) " + waits + " but resumed " + resumes
            + " time(s)");
        marked = marked == null ? execution.lastSegment().span().spanId() : marked;
      }
    }
    if (!problems.isEmpty()) {
      fail(expecting("every wait of " + describeRun() + " to resume exactly once").but(String.join("; ", problems))
          .marking(marked), List.of(), problems);
    }
    return this;
  }

  /** The run crashed at least once and recovered to completion: a crashed segment, then the output. */
  public DurabilityAssert crashedAndRecovered() {
    isNotNull();
    long crashed = trace().segments().stream().filter(segment -> segment.outcome() == SegmentOutcome.CRASHED).count();
    if (crashed == 0 || actual.status() != RunStatus.COMPLETED) {
      fail(expecting(describeRun() + " to have crashed and recovered to completion")
          .but("it has " + crashed + " crashed segment(s) and is " + actual.status()),
          RunStatus.COMPLETED, actual.status());
    }
    return this;
  }

  /** The run's status now. */
  public DurabilityAssert hasStatus(RunStatus expected) {
    isNotNull();
    if (actual.status() != expected) {
      fail(expecting(describeRun() + " to be " + expected).but("it is " + actual.status()), expected,
          actual.status());
    }
    return this;
  }

  /**
   * The run waited on {@code what} — a wait as segments describe it, e.g. {@code "approval refund"},
   * {@code "tool get_weather"}, {@code "timer"}, {@code "child WeatherAgent"} — for at least {@code minimum} of
   * virtual time before it resumed.
   */
  public DurabilityAssert waitedOnAtLeast(String what, Duration minimum) {
    Resumed resumed = resumedAfterWaitingOn(what);
    if (resumed.info().waited().compareTo(minimum) < 0) {
      failWaited(what, "at least", minimum, resumed);
    }
    return this;
  }

  /** The run waited on {@code what} for at most {@code maximum} of virtual time before it resumed. */
  public DurabilityAssert waitedOnAtMost(String what, Duration maximum) {
    Resumed resumed = resumedAfterWaitingOn(what);
    if (resumed.info().waited().compareTo(maximum) > 0) {
      failWaited(what, "at most", maximum, resumed);
    }
    return this;
  }

  /** The approval {@code name} was granted by {@code approver} (from the {@code agenttrace.approval} event). */
  public DurabilityAssert wasApprovedBy(String name, String approver) {
    Decision decision = decision(name);
    if (!decision.approved() || !approver.equals(decision.approver())) {
      fail(expecting("approval '" + name + "' of " + describeRun() + " to be granted by " + approver)
          .but("it was " + (decision.approved() ? "granted" : "rejected") + " by " + decision.approver())
          .marking(decision.segmentSpanId()), approver, decision.approver());
    }
    return this;
  }

  /** The approval {@code name} was rejected, or expired without a decision. */
  public DurabilityAssert wasNotApproved(String name) {
    Decision decision = decision(name);
    if (decision.approved()) {
      fail(expecting("approval '" + name + "' of " + describeRun() + " not to be granted")
          .but(decision.approver() + " granted it").marking(decision.segmentSpanId()), false, true);
    }
    return this;
  }

  /** The segments of the run's own execution replayed exactly these numbers of journaled operations, in order. */
  public DurabilityAssert hasReplayCounts(long... expected) {
    isNotNull();
    delegate(new ExecutionAssert(ownExecution(), trace())).hasReplayCounts(expected);
    return this;
  }

  /** The run started exactly these child agents, in order. */
  public DurabilityAssert hasChildExecutions(String... agentNames) {
    isNotNull();
    List<String> names = actual.children().stream().map(AgentRun::agentName).toList();
    if (!names.equals(List.of(agentNames))) {
      fail(expecting(describeRun() + " to start child agents " + List.of(agentNames)).but("it started " + names),
          List.of(agentNames), names);
    }
    return this;
  }

  /** A resume after a wait, and the segment it resumed in. */
  private record Resumed(ResumeInfo info, String segmentSpanId) {}

  /** The first resume (not a crash recovery) after a segment that waited on {@code what}. */
  private Resumed resumedAfterWaitingOn(String what) {
    isNotNull();
    for (Execution execution : trace().executions()) {
      List<Segment> segments = execution.segments();
      for (int i = 0; i < segments.size(); i++) {
        if (segments.get(i).waits().stream().anyMatch(wait -> wait.describe().startsWith(what))) {
          for (int j = i + 1; j < segments.size(); j++) {
            Optional<ResumeInfo> resume = segments.get(j).resumeInfo();
            if (resume.isPresent() && !CRASH_CAUSES.contains(resume.get().cause())) {
              return new Resumed(resume.get(), segments.get(j).span().spanId());
            }
          }
        }
      }
    }
    throw failure(expecting(describeRun() + " to have waited on " + what + " and resumed")
        .but("no such wait is in its trace"), what, null);
  }

  private void failWaited(String what, String bound, Duration limit, Resumed resumed) {
    fail(expecting(describeRun() + " to wait on " + what + " for " + bound + " " + TraceText.duration(limit))
        .but("it waited " + TraceText.duration(resumed.info().waited())).marking(resumed.segmentSpanId()),
        limit, resumed.info().waited());
  }

  /** A decision on an approval, from the {@code agenttrace.approval} event of the segment it resumed. */
  private record Decision(boolean approved, String approver, String segmentSpanId) {}

  private Decision decision(String name) {
    isNotNull();
    for (Execution execution : trace().executions()) {
      List<Segment> segments = execution.segments();
      for (int i = 0; i + 1 < segments.size(); i++) {
        boolean approvalWait = segments.get(i).waits().stream()
            .anyMatch(wait -> wait.describe().equals("approval " + name));
        Segment resumed = segments.get(i + 1);
        Optional<EventData> event = resumed.span().events().stream()
            .filter(candidate -> candidate.getName().equals(SpanConventions.EVENT_APPROVAL))
            .filter(candidate -> name.equals(candidate.getAttributes().get(SpanConventions.APPROVAL_NAME)))
            .findFirst();
        if (approvalWait && event.isPresent()) {
          return new Decision(Boolean.TRUE.equals(event.get().getAttributes().get(SpanConventions.APPROVAL_APPROVED)),
              event.get().getAttributes().get(SpanConventions.APPROVAL_APPROVER), resumed.span().spanId());
        }
      }
    }
    throw failure(expecting(describeRun() + " to have a decision on approval '" + name + "'")
        .but("its trace has none"), name, null);
  }

  private Execution ownExecution() {
    return trace().executions().stream()
        .filter(execution -> execution.executionId().equals(actual.executionId())).findFirst()
        .orElseThrow(() -> failure(expecting("the trace of " + describeRun() + " to hold its execution")
            .but("it has none: is the harness wired to a trace capture (AgentHarness.builder().traces(...))?"),
            actual.executionId(), null));
  }

  private String describeRun() {
    return actual.agentName() + " (execution " + actual.executionId() + ")";
  }
}
