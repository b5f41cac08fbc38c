package dev.agenttrace.assertions;

import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.runtime.ExecutedOperation;
import dev.agenttrace.runtime.RunStatus;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Execution;
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
import org.assertj.core.api.AbstractAssert;

/**
 * Durability assertions on one {@link AgentRun}: every wait resumed exactly once, nothing really executed twice (as
 * counted by the runtime, not from spans), how a crash turned out, how long the run waited on something in virtual
 * time, who approved, how much each segment replayed, and which child agents ran.
 *
 * <pre>{@code
 * assertThat(run).executedNothingTwice().resumedExactlyOncePerWait()
 *     .wasApprovedBy("refund", "ada").waitedOnAtLeast("approval refund", Duration.ofHours(1));
 * }</pre>
 */
public class DurabilityAssert extends AbstractAssert<DurabilityAssert, AgentRun<?>> {
  private static final List<String> CRASH_CAUSES = List.of("crash_recovered", "process_restart");

  public DurabilityAssert(AgentRun<?> actual) {
    super(actual, DurabilityAssert.class);
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
      failWithMessage("Expecting %s to execute nothing twice, but:%n  %s%n%s", describeRun(),
          String.join("\n  ", twice), tree());
    }
    return this;
  }

  /** Every wait of every execution in the run resumed exactly once (recoveries after a crash aside). */
  public DurabilityAssert resumedExactlyOncePerWait() {
    isNotNull();
    List<String> problems = new ArrayList<>();
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
      }
    }
    if (!problems.isEmpty()) {
      failWithMessage("Expecting every wait of %s to resume exactly once, but:%n  %s%n%s", describeRun(),
          String.join("\n  ", problems), tree());
    }
    return this;
  }

  /** The run crashed at least once and recovered to completion: a crashed segment, then the output. */
  public DurabilityAssert crashedAndRecovered() {
    isNotNull();
    long crashed = trace().segments().stream().filter(segment -> segment.outcome() == SegmentOutcome.CRASHED).count();
    if (crashed == 0 || actual.status() != RunStatus.COMPLETED) {
      failWithMessage("Expecting %s to have crashed and recovered to completion, but it has %d crashed segment(s) "
          + "and is %s%n%s", describeRun(), crashed, actual.status(), tree());
    }
    return this;
  }

  /** The run's status now. */
  public DurabilityAssert hasStatus(RunStatus expected) {
    isNotNull();
    if (actual.status() != expected) {
      failWithMessage("Expecting %s to be %s but it is %s", describeRun(), expected, actual.status());
    }
    return this;
  }

  /**
   * The run waited on {@code what} — a wait as segments describe it, e.g. {@code "approval refund"},
   * {@code "tool get_weather"}, {@code "timer"}, {@code "child WeatherAgent"} — for at least {@code minimum} of
   * virtual time before it resumed.
   */
  public DurabilityAssert waitedOnAtLeast(String what, Duration minimum) {
    Duration waited = waitedOn(what);
    if (waited.compareTo(minimum) < 0) {
      failWithMessage("Expecting %s to wait on %s for at least %s but it waited %s", describeRun(), what,
          TraceText.duration(minimum), TraceText.duration(waited));
    }
    return this;
  }

  /** The run waited on {@code what} for at most {@code maximum} of virtual time before it resumed. */
  public DurabilityAssert waitedOnAtMost(String what, Duration maximum) {
    Duration waited = waitedOn(what);
    if (waited.compareTo(maximum) > 0) {
      failWithMessage("Expecting %s to wait on %s for at most %s but it waited %s", describeRun(), what,
          TraceText.duration(maximum), TraceText.duration(waited));
    }
    return this;
  }

  /** The approval {@code name} was granted by {@code approver} (from the {@code agenttrace.approval} event). */
  public DurabilityAssert wasApprovedBy(String name, String approver) {
    EventData decision = decision(name);
    Boolean approved = decision.getAttributes().get(SpanConventions.APPROVAL_APPROVED);
    String by = decision.getAttributes().get(SpanConventions.APPROVAL_APPROVER);
    if (!Boolean.TRUE.equals(approved) || !approver.equals(by)) {
      failWithMessage("Expecting approval '%s' of %s to be granted by %s, but it was %s by %s", name, describeRun(),
          approver, Boolean.TRUE.equals(approved) ? "granted" : "rejected", by);
    }
    return this;
  }

  /** The approval {@code name} was rejected, or expired without a decision. */
  public DurabilityAssert wasNotApproved(String name) {
    EventData decision = decision(name);
    if (Boolean.TRUE.equals(decision.getAttributes().get(SpanConventions.APPROVAL_APPROVED))) {
      failWithMessage("Expecting approval '%s' of %s not to be granted, but %s granted it", name, describeRun(),
          decision.getAttributes().get(SpanConventions.APPROVAL_APPROVER));
    }
    return this;
  }

  /** The segments of the run's own execution replayed exactly these numbers of journaled operations, in order. */
  public DurabilityAssert hasReplayCounts(long... expected) {
    List<Long> counts = ownExecution().segments().stream().map(Segment::replayed).toList();
    List<Long> wanted = java.util.Arrays.stream(expected).boxed().toList();
    if (!counts.equals(wanted)) {
      failWithMessage("Expecting the segments of %s to replay %s but they replayed %s", describeRun(), wanted, counts);
    }
    return this;
  }

  /** The run started exactly these child agents, in order. */
  public DurabilityAssert hasChildExecutions(String... agentNames) {
    isNotNull();
    List<String> names = actual.children().stream().map(AgentRun::agentName).toList();
    if (!names.equals(List.of(agentNames))) {
      failWithMessage("Expecting %s to start child agents %s but it started %s", describeRun(), List.of(agentNames),
          names);
    }
    return this;
  }

  private Duration waitedOn(String what) {
    isNotNull();
    for (Execution execution : trace().executions()) {
      List<Segment> segments = execution.segments();
      for (int i = 0; i < segments.size(); i++) {
        Optional<WaitInfo> wait = segments.get(i).waitInfo();
        if (wait.isPresent() && wait.get().describe().startsWith(what)) {
          for (int j = i + 1; j < segments.size(); j++) {
            var resume = segments.get(j).resumeInfo();
            if (resume.isPresent() && !CRASH_CAUSES.contains(resume.get().cause())) {
              return resume.get().waited();
            }
          }
        }
      }
    }
    failWithMessage("Expecting %s to have waited on %s and resumed, but no such wait is in its trace%n%s",
        describeRun(), what, tree());
    return Duration.ZERO;
  }

  private EventData decision(String name) {
    isNotNull();
    for (Execution execution : trace().executions()) {
      List<Segment> segments = execution.segments();
      for (int i = 0; i + 1 < segments.size(); i++) {
        boolean approvalWait = segments.get(i).waitInfo()
            .filter(wait -> wait.describe().equals("approval " + name)).isPresent();
        Optional<EventData> event = segments.get(i + 1).span().event(SpanConventions.EVENT_APPROVAL);
        if (approvalWait && event.isPresent()) {
          return event.get();
        }
      }
    }
    failWithMessage("Expecting %s to have a decision on approval '%s', but its trace has none%n%s", describeRun(),
        name, tree());
    throw new IllegalStateException("unreachable");
  }

  private Execution ownExecution() {
    isNotNull();
    return trace().executions().stream()
        .filter(execution -> execution.executionId().equals(actual.executionId())).findFirst()
        .orElseThrow(() -> new AssertionError("The trace of " + describeRun() + " has no execution "
            + actual.executionId() + ": is the harness wired to a trace capture?"));
  }

  private AgentTrace trace() {
    return actual.trace();
  }

  private String tree() {
    return trace().toTreeString();
  }

  private String describeRun() {
    return actual.agentName() + " (execution " + actual.executionId() + ")";
  }
}
