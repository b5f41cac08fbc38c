package dev.agenttrace.runtime;

import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.SegmentSpan;
import dev.agenttrace.trace.ToolSpan;
import dev.agenttrace.trace.WaitKind;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One execution of an agent, driven by the test: see where it stands ({@link #status()}, {@link #waitingOn()}),
 * satisfy its waits ({@link #resume()}, {@link #approve}, {@link #sendEvent}, {@link #advanceTime}) and read the
 * result ({@link #output()}, {@link #failure()}). Each driver call runs at most until the next wait. Thread-safe.
 *
 * @param <O> the agent's output type
 */
public final class AgentRun<O> {
  private final Agent<?, O> agent;
  private final Object input;
  private final String executionId;
  private final HarnessServices services;
  private final Context parent;
  private final Map<String, Deque<String>> bufferedEvents = new HashMap<>();
  private final Map<String, Deque<Approval>> bufferedApprovals = new HashMap<>();
  private final List<String> traceIds = new ArrayList<>();

  private RunStatus status;
  private Crash crashPlan;
  private String recoveryCause = "crash_recovered";
  private Wait waitingOn;
  private Instant waitingSince;
  private SpanContext lastSegment;
  private int segmentCount;
  private O output;
  private Throwable failure;

  <I> AgentRun(Agent<I, O> agent, I input, String executionId, HarnessServices services, Context parent,
      Crash crashPlan) {
    this.agent = agent;
    this.input = input;
    this.executionId = executionId;
    this.services = services;
    this.parent = parent;
    this.crashPlan = crashPlan;
    SpanContext parentSpan = Span.fromContext(parent).getSpanContext();
    services.journal().saveExecution(new ExecutionRecord(executionId, agent.name(),
        parentSpan.isValid() ? parentSpan.getTraceId() : "", parentSpan.isValid() ? parentSpan.getSpanId() : "",
        "", 0, ""));
  }

  /** A run continued from the journal by another harness, as a new process would after a restart. */
  private <I> AgentRun(Agent<I, O> agent, I input, ExecutionRecord record, HarnessServices services) {
    this.agent = agent;
    this.input = input;
    this.executionId = record.executionId();
    this.services = services;
    this.parent = record.parentSpanId().isEmpty()
        ? Context.root()
        : Context.root().with(Span.wrap(remote(record.traceId(), record.parentSpanId())));
    this.segmentCount = record.segmentCount();
    if (!record.lastSegmentSpanId().isEmpty()) {
      this.lastSegment = remote(record.traceId(), record.lastSegmentSpanId());
      this.traceIds.add(record.traceId());
    }
    this.recoveryCause = "process_restart";
    JournalEntry pending = services.journal().entries(executionId).stream()
        .filter(JournalEntry::isPending).findFirst().orElse(null);
    if (pending != null) {
      this.status = RunStatus.WAITING;
      this.waitingOn = pending.pendingWait();
      this.waitingSince = services.clock().instant();
    } else if (record.lastOutcome().equals(SegmentOutcome.COMPLETED.wireValue())
        || record.lastOutcome().equals(SegmentOutcome.FAILED.wireValue())) {
      throw new IllegalStateException("Execution " + executionId + " already ended (" + record.lastOutcome()
          + "); there is nothing to recover.");
    } else {
      this.status = RunStatus.CRASHED;
    }
  }

  static <I, O> AgentRun<O> restored(Agent<I, O> agent, I input, ExecutionRecord record, HarnessServices services) {
    if (!record.agentName().equals(agent.name())) {
      throw new IllegalArgumentException("Execution " + record.executionId() + " belongs to agent '"
          + record.agentName() + "', not '" + agent.name() + "'");
    }
    return new AgentRun<>(agent, input, record, services);
  }

  private static SpanContext remote(String traceId, String spanId) {
    return SpanContext.createFromRemoteParent(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());
  }

  /** Runs the first segment, until the agent completes, fails or first waits. */
  synchronized void begin() {
    runSegment(null, 0);
  }

  public String executionId() {
    return executionId;
  }

  public String agentName() {
    return agent.name();
  }

  public synchronized RunStatus status() {
    return status;
  }

  /** What the run waits on, when {@link #status()} is {@link RunStatus#WAITING}. */
  public synchronized Optional<Wait> waitingOn() {
    return Optional.ofNullable(waitingOn);
  }

  /** How many execution segments have run so far. */
  public synchronized int segmentCount() {
    return segmentCount;
  }

  /** The ids of the OpenTelemetry traces this run's spans belong to (one, unless segments had no shared trace). */
  public synchronized List<String> traceIds() {
    return List.copyOf(traceIds);
  }

  /**
   * The spans of this run so far — every span of the traces its segments belong to — as captured by the harness's
   * trace source (in an {@code @AgentTest}, the test's spans). The test's own trace when the run's traces are all
   * of it; empty when the harness has no trace source.
   */
  public AgentTrace trace() {
    List<String> ids = traceIds();
    return services.traces().trace().restrictedToTraces(ids);
  }

  /**
   * Satisfies the current wait if the runtime can — a tool wait by running the tools, a timer by skipping virtual
   * time to it — and continues in a new segment until the next wait or the end.
   *
   * @throws IllegalStateException when the run is not waiting, or waits on an event or approval the test must
   *     provide first
   */
  public synchronized AgentRun<O> resume() {
    Wait wait = requireWaiting("resume()");
    switch (wait.kind()) {
      case TOOL:
        runTools(wait);
        runSegment("tools_completed", waitedMillis());
        break;
      case TIMER:
        Instant now = services.clock().instant();
        if (now.isBefore(wait.until())) {
          services.clock().advance(Duration.between(now, wait.until()));
        }
        satisfy(wait, Boolean.TRUE);
        runSegment("timer_fired", waitedMillis());
        break;
      default:
        throw new IllegalStateException(agent.name() + " (execution " + executionId + ") waits on " + wait
            + ", which only the test can provide: call "
            + (wait.kind() == WaitKind.APPROVAL
                ? "approve(\"" + wait.name() + "\") or reject(\"" + wait.name() + "\", reason)"
                : "sendEvent(\"" + wait.name() + "\", payload)")
            + " instead of resume().");
    }
    return this;
  }

  /**
   * Continues a {@link RunStatus#CRASHED} run in a new segment, as the runtime does after a crash: the agent re-runs
   * from the top, everything journaled replays, and it carries on from the operation it died before.
   */
  public synchronized AgentRun<O> recover() {
    if (status != RunStatus.CRASHED) {
      throw new IllegalStateException("Cannot recover(): " + agent.name() + " (execution " + executionId + ") is "
          + status + ", not CRASHED.");
    }
    String cause = recoveryCause;
    recoveryCause = "crash_recovered";
    runSegment(cause, 0);
    return this;
  }

  /** Skips virtual time; a timer that falls due fires and the agent continues. */
  public synchronized AgentRun<O> advanceTime(Duration duration) {
    services.clock().advance(duration);
    if (status == RunStatus.WAITING && waitingOn.kind() == WaitKind.TIMER
        && !services.clock().instant().isBefore(waitingOn.until())) {
      satisfy(waitingOn, Boolean.TRUE);
      runSegment("timer_fired", waitedMillis());
    }
    return this;
  }

  /** Sends an event: a run waiting on it continues; otherwise it is kept until the agent waits for it. */
  public synchronized AgentRun<O> sendEvent(String name, String payload) {
    if (isWaitingOn(WaitKind.EVENT, name)) {
      satisfy(waitingOn, payload);
      runSegment("event_received", waitedMillis());
    } else {
      bufferedEvents.computeIfAbsent(name, n -> new ArrayDeque<>()).add(payload);
    }
    return this;
  }

  /** Approves {@code name}: a run waiting on it continues; otherwise the decision is kept until it asks. */
  public AgentRun<O> approve(String name) {
    return decide(name, Approval.granted("test"));
  }

  /** Rejects {@code name} with a reason. */
  public AgentRun<O> reject(String name, String reason) {
    return decide(name, Approval.rejected("test", reason));
  }

  /** Records a human decision on {@code name}. */
  public synchronized AgentRun<O> decide(String name, Approval decision) {
    if (isWaitingOn(WaitKind.APPROVAL, name)) {
      satisfy(waitingOn, decision);
      runSegment("approval_decided", waitedMillis());
    } else {
      bufferedApprovals.computeIfAbsent(name, n -> new ArrayDeque<>()).add(decision);
    }
    return this;
  }

  /**
   * The agent's output.
   *
   * @throws IllegalStateException when the run is still waiting, or failed (with the failure as cause)
   */
  public synchronized O output() {
    if (status == RunStatus.COMPLETED) {
      return output;
    }
    if (status == RunStatus.FAILED) {
      throw new IllegalStateException(agent.name() + " (execution " + executionId + ") failed after "
          + segmentCount + " segment(s): " + failure, failure);
    }
    if (status == RunStatus.CRASHED) {
      throw new IllegalStateException(agent.name() + " (execution " + executionId
          + ") crashed and has no output yet. Continue it with recover().");
    }
    throw new IllegalStateException(agent.name() + " (execution " + executionId + ") has no output yet: it waits on "
        + waitingOn + ". Drive it with resume(), approve(...), sendEvent(...) or advanceTime(...).");
  }

  /** Why the run failed, when {@link #status()} is {@link RunStatus#FAILED}. */
  public synchronized Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public synchronized String toString() {
    return "AgentRun[" + agent.name() + " " + executionId + ", " + status
        + (status == RunStatus.WAITING ? " on " + waitingOn : "") + ", " + segmentCount + " segment(s)]";
  }

  /** Throws the simulated crash when the plan says this new operation is where the process dies. */
  void crashIfPlanned(int position, OperationKind kind, int occurrence, String description) {
    if (crashPlan != null && crashPlan.appliesTo(position, kind, occurrence)) {
      crashPlan = null;
      throw new SimulatedCrash(description);
    }
  }

  synchronized String takeBufferedEvent(String name) {
    Deque<String> queue = bufferedEvents.get(name);
    return queue == null ? null : queue.poll();
  }

  synchronized Approval takeBufferedApproval(String name) {
    Deque<Approval> queue = bufferedApprovals.get(name);
    return queue == null ? null : queue.poll();
  }

  private boolean isWaitingOn(WaitKind kind, String name) {
    return status == RunStatus.WAITING && waitingOn.kind() == kind && waitingOn.name().equals(name);
  }

  private Wait requireWaiting(String operation) {
    if (status != RunStatus.WAITING) {
      throw new IllegalStateException("Cannot " + operation + ": " + agent.name() + " (execution " + executionId
          + ") is " + status + ", not WAITING.");
    }
    return waitingOn;
  }

  private long waitedMillis() {
    return waitingSince == null ? 0 : Duration.between(waitingSince, services.clock().instant()).toMillis();
  }

  private void satisfy(Wait wait, Object result) {
    JournalEntry pending = pendingEntry(wait);
    services.journal().replace(executionId, pending.satisfiedWith(result));
  }

  private JournalEntry pendingEntry(Wait wait) {
    for (JournalEntry entry : services.journal().entries(executionId)) {
      if (entry.isPending() && entry.key().equals(wait.key())) {
        return entry;
      }
    }
    throw new IllegalStateException("Journal of " + executionId + " has no pending wait " + wait.key());
  }

  /** Runs the tools of a tool wait, each in its own span under the segment that requested them. */
  private void runTools(Wait wait) {
    Context requestingSegment = Context.root().with(Span.wrap(lastSegment));
    List<ToolOutcome> outcomes = new ArrayList<>();
    Error fatal = null;
    for (ToolCall call : wait.toolCalls()) {
      ToolSpan span = services.spans().startTool(requestingSegment, call);
      try (Scope scope = span.context().makeCurrent()) {
        String result = services.requireTools().execute(call);
        span.end(result);
        outcomes.add(new ToolOutcome(call.id(), call.name(), result, null));
      } catch (Exception e) {
        span.fail(e, ErrorTypes.of(e));
        outcomes.add(new ToolOutcome(call.id(), call.name(), null, RecordedFailure.of(e)));
      } catch (Error e) {
        span.fail(e, ErrorTypes.of(e));
        outcomes.add(new ToolOutcome(call.id(), call.name(), null, RecordedFailure.of(e)));
        fatal = fatal == null ? e : fatal;
      }
    }
    if (fatal != null) {
      // A stub misconfiguration (an AssertionError such as an unstubbed tool) fails the run, not just the tool.
      services.journal().replace(executionId, pendingEntry(wait).satisfiedWithFailure(RecordedFailure.of(fatal)));
      status = RunStatus.FAILED;
      failure = fatal;
      waitingOn = null;
      return;
    }
    satisfy(wait, List.copyOf(outcomes));
  }

  private void runSegment(String resumeCause, long waitedMillis) {
    if (status == RunStatus.FAILED) {
      return;
    }
    int index = segmentCount;
    ExecutionRecord record = services.journal().execution(executionId).orElseThrow();
    SegmentSpan segment = startSegmentSpan(index, record);
    if (resumeCause != null) {
      segment.resumed(resumeCause, waitedMillis);
    }
    Context segmentContext = segment.context();
    SegmentContext ctx = new SegmentContext(this, services, segmentContext);
    SegmentOutcome outcome;
    try (Scope scope = segmentContext.makeCurrent()) {
      O result = invokeAgent(ctx);
      if (ctx.suspendedOn() != null) {
        throw new IllegalStateException(agent.name() + " caught the runtime's wait signal (waiting on "
            + ctx.suspendedOn() + ") and carried on. Do not catch Throwable or Error around ctx calls.");
      }
      output = result;
      status = RunStatus.COMPLETED;
      waitingOn = null;
      outcome = SegmentOutcome.COMPLETED;
    } catch (SimulatedCrash crash) {
      status = RunStatus.CRASHED;
      waitingOn = null;
      segment.crashedBefore(crash.operation());
      outcome = SegmentOutcome.CRASHED;
    } catch (SuspendSignal signal) {
      status = RunStatus.WAITING;
      waitingOn = signal.waitingOn();
      waitingSince = services.clock().instant();
      segment.waiting(waitingOn.kind(), waitingOn.key(), waitingOn.until(),
          waitingOn.toolCalls().stream().map(ToolCall::name).toList(), waitingOn.name());
      outcome = SegmentOutcome.WAITING;
    } catch (Throwable error) {
      status = RunStatus.FAILED;
      waitingOn = null;
      failure = error;
      segment.failed(error, ErrorTypes.of(error));
      outcome = SegmentOutcome.FAILED;
    }
    segment.end(outcome, ctx.usage(), ctx.replayedCount());
    lastSegment = segment.span().getSpanContext();
    segmentCount = index + 1;
    if (!traceIds.contains(lastSegment.getTraceId())) {
      traceIds.add(lastSegment.getTraceId());
    }
    services.journal().saveExecution(
        record.afterSegment(lastSegment.getTraceId(), lastSegment.getSpanId(), outcome.wireValue()));
  }

  @SuppressWarnings("unchecked")
  private O invokeAgent(SegmentContext ctx) throws Exception {
    return ((Agent<Object, O>) agent).run(ctx, input);
  }

  private SegmentSpan startSegmentSpan(int index, ExecutionRecord record) {
    SegmentSpan.Starter starter = (agent.kind() == ExecutionKind.WORKFLOW
        ? services.spans().workflowSegment(agent.name()) : services.spans().agentSegment(agent.name()))
        .parent(parent)
        .provider(services.llm() == null ? "agenttrace.stub" : services.llm().providerName())
        .execution(executionId, index);
    if (lastSegment != null) {
      starter.continuing(lastSegment);
    }
    boolean root = !Span.fromContext(parent).getSpanContext().isValid();
    if (root && !record.traceId().isEmpty() && services.rootTraceIds() != null) {
      return starter.startWith(startSpan -> services.rootTraceIds().startInTrace(record.traceId(), startSpan));
    }
    return starter.start();
  }
}
