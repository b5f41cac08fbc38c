package dev.agenttrace.runtime;

import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.SegmentSpan;
import dev.agenttrace.trace.SpanConventions;
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
import java.util.LinkedHashMap;
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
  /** Every wait still pending, in journal order: one, or several after {@code awaitAll}. */
  private List<Wait> waiting = List.of();
  /** The decisions given while waiting, recorded on the segment that resumes. */
  private final Map<String, Approval> decisions = new LinkedHashMap<>();
  private Instant waitingSince;
  private SpanContext lastSegment;
  private int segmentCount;
  private O output;
  private Throwable failure;
  // issue 14: child agents share their root's crash plan and execution ledger; the root is this run itself
  private final AgentRun<?> root;
  private final String childPath;
  private final List<ExecutedOperation> executions;
  private final List<AgentRun<?>> children = new ArrayList<>();
  private AgentRun<?> child;
  private boolean crashFired;

  <I> AgentRun(Agent<I, O> agent, I input, String executionId, HarnessServices services, Context parent,
      Crash crashPlan) {
    this.agent = agent;
    this.input = input;
    this.executionId = executionId;
    this.services = services;
    this.parent = parent;
    this.crashPlan = crashPlan;
    this.root = this;
    this.childPath = "";
    this.executions = new ArrayList<>();
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
    this.root = this;
    this.childPath = "";
    this.executions = new ArrayList<>();
    if (!restorePendingWaits()) {
      if (record.lastOutcome().equals(SegmentOutcome.COMPLETED.wireValue())
          || record.lastOutcome().equals(SegmentOutcome.FAILED.wireValue())) {
        throw new IllegalStateException("Execution " + executionId + " already ended (" + record.lastOutcome()
            + "); there is nothing to recover.");
      }
      this.status = RunStatus.CRASHED;
    }
  }

  /**
   * Picks up the waits still pending in the journal, as a new process does; false when there are none, or one is a
   * child agent (which only the re-running parent can hand over: the run must continue at once in a new segment).
   */
  private boolean restorePendingWaits() {
    List<Wait> pending = services.journal().entries(executionId).stream().filter(JournalEntry::isPending)
        .map(JournalEntry::pendingWait).toList();
    if (pending.isEmpty() || pending.stream().anyMatch(wait -> wait.kind() == WaitKind.CHILD)) {
      return false;
    }
    status = RunStatus.WAITING;
    waiting = pending;
    waitingSince = services.clock().instant();
    return true;
  }

  /** A child execution of {@code parentRun}, under the parent's segment that called it (issue 14). */
  private <I> AgentRun(AgentRun<?> parentRun, Agent<I, O> agent, I input, String key, Context underSegment) {
    this.agent = agent;
    this.input = input;
    this.executionId = parentRun.executionId + "/" + key;
    this.services = parentRun.services;
    this.parent = underSegment;
    this.root = parentRun.root;
    this.childPath = parentRun.childPath.isEmpty() ? key : parentRun.childPath + "/" + key;
    this.executions = parentRun.executions;
    ExecutionRecord known = services.journal().execution(executionId).orElse(null);
    if (known != null) {
      // the child ran before the parent was re-run (a restart): continue it from its journal
      this.segmentCount = known.segmentCount();
      this.lastSegment = known.lastSegmentSpanId().isEmpty() ? null
          : remote(known.traceId(), known.lastSegmentSpanId());
      this.recoveryCause = "process_restart";
      return;
    }
    SpanContext parentSpan = Span.fromContext(underSegment).getSpanContext();
    services.journal().saveExecution(new ExecutionRecord(executionId, agent.name(), parentSpan.getTraceId(),
        parentSpan.getSpanId(), "", 0, ""));
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

  /**
   * Every real execution of an LLM call, tool call, step or child agent by this run and its children, in order —
   * replays are not counted. Two entries with the same execution id and key mean the work ran twice.
   */
  public List<ExecutedOperation> executions() {
    synchronized (root) {
      return List.copyOf(executions);
    }
  }

  /** The child agents this run started through {@code ctx.callAgent(...)}, in order. */
  public synchronized List<AgentRun<?>> children() {
    return List.copyOf(children);
  }

  /**
   * Exactly what the run awaits, outermost first: its own waits still pending (several after {@code awaitAll}, e.g.
   * {@code [tool get_weather, approval 'refund']}) and, when it waits on a child agent, what the child awaits — e.g.
   * {@code [child 'WeatherAgent', tool get_weather]}. Empty unless {@link RunStatus#WAITING}.
   */
  public synchronized List<Wait> pendingWaits() {
    if (status != RunStatus.WAITING) {
      return List.of();
    }
    List<Wait> waits = new ArrayList<>(waiting);
    if (waitsOnChild()) {
      waits.addAll(child.pendingWaits());
    }
    return List.copyOf(waits);
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

  /**
   * What the run waits on, when {@link #status()} is {@link RunStatus#WAITING}: its first pending wait (see
   * {@link #pendingWaits()} for all of them).
   */
  public synchronized Optional<Wait> waitingOn() {
    return status == RunStatus.WAITING ? waiting.stream().findFirst() : Optional.empty();
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
   * Satisfies what the runtime can of the current waits — tool waits by running the tools, timers by skipping virtual
   * time to the earliest — and, once nothing is pending, continues in a new segment until the next wait or the end.
   *
   * @throws IllegalStateException when the run is not waiting, or waits only on events or approvals the test must
   *     provide first
   */
  public synchronized AgentRun<O> resume() {
    requireWaiting("resume()");
    if (waitsOnChild()) {
      child.resume();
      afterChildProgress();
      return this;
    }
    String cause = null;
    for (Wait wait : waiting) {
      if (wait.kind() == WaitKind.TOOL) {
        try {
          runTools(wait);
        } catch (SimulatedCrash crashMidTool) {
          status = RunStatus.CRASHED;   // the process died while a tool ran; recover() re-enters the wait
          return this;
        }
        if (status == RunStatus.FAILED) {
          return this;
        }
        cause = "tools_completed";
      }
    }
    waiting = waiting.stream().filter(wait -> wait.kind() != WaitKind.TOOL).toList();
    Optional<Instant> timer = waiting.stream().filter(wait -> wait.kind() == WaitKind.TIMER).map(Wait::until)
        .min(Instant::compareTo);
    if (timer.isPresent()) {
      Instant now = services.clock().instant();
      if (now.isBefore(timer.get())) {
        services.clock().advance(Duration.between(now, timer.get()));
      }
      cause = fireDueWaits();
    }
    if (cause == null) {
      Wait wait = waiting.get(0);
      throw new IllegalStateException(agent.name() + " (execution " + executionId + ") waits on " + describeWaiting()
          + ", which only the test can provide: call "
          + (wait.kind() == WaitKind.APPROVAL
              ? "approve(\"" + wait.name() + "\") or reject(\"" + wait.name() + "\", reason)"
              : "sendEvent(\"" + wait.name() + "\", payload)")
          + " instead of resume().");
    }
    continueWhenNothingPending(cause);
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
    if (child != null && child.status() == RunStatus.CRASHED) {
      // the process died inside the child: the parent was waiting, only the child continues (issue 14)
      status = RunStatus.WAITING;
      child.recover();
      afterChildProgress();
      return this;
    }
    String cause = recoveryCause;
    recoveryCause = "crash_recovered";
    runSegment(cause, 0);
    return this;
  }

  /**
   * Skips virtual time; timers that fall due fire and approvals whose deadline passes expire. Once nothing is
   * pending, the agent continues.
   */
  public synchronized AgentRun<O> advanceTime(Duration duration) {
    services.clock().advance(duration);
    if (waitsOnChild()) {
      child.advanceTime(Duration.ZERO);
      afterChildProgress();
    } else if (status == RunStatus.WAITING) {
      continueWhenNothingPending(fireDueWaits());
    }
    return this;
  }

  /** Sends an event: a run waiting on it continues (once nothing else is pending); otherwise it is kept. */
  public synchronized AgentRun<O> sendEvent(String name, String payload) {
    Optional<Wait> event = pendingWait(WaitKind.EVENT, name);
    if (event.isPresent()) {
      satisfyPending(event.get(), payload);
      continueWhenNothingPending("event_received");
    } else if (waitsOnChild()) {
      child.sendEvent(name, payload);
      afterChildProgress();
    } else {
      bufferedEvents.computeIfAbsent(name, n -> new ArrayDeque<>()).add(payload);
    }
    return this;
  }

  /** Approves {@code name}: a run waiting on it continues; otherwise the decision is kept until it asks. */
  public AgentRun<O> approve(String name) {
    return decide(name, Approval.granted("test"));
  }

  /** Approves {@code name} as {@code approver}, with a reason that is recorded in the trace. */
  public AgentRun<O> approve(String name, String approver, String reason) {
    return decide(name, Approval.granted(approver, reason));
  }

  /** Rejects {@code name} as {@code approver}, with a reason. */
  public AgentRun<O> reject(String name, String approver, String reason) {
    return decide(name, Approval.rejected(approver, reason));
  }

  /** Rejects {@code name} with a reason. */
  public AgentRun<O> reject(String name, String reason) {
    return decide(name, Approval.rejected("test", reason));
  }

  /**
   * Records a human decision on {@code name}: a run waiting on it continues (once nothing else is pending);
   * otherwise the decision is kept until the agent asks.
   */
  public synchronized AgentRun<O> decide(String name, Approval decision) {
    Optional<Wait> approval = pendingWait(WaitKind.APPROVAL, name);
    if (approval.isPresent()) {
      satisfyPending(approval.get(), decision);
      decisions.put(name, decision);
      continueWhenNothingPending("approval_decided");
    } else if (waitsOnChild()) {
      child.decide(name, decision);
      afterChildProgress();
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
        + describeWaiting() + ". Drive it with resume(), approve(...), sendEvent(...) or advanceTime(...).");
  }

  /** Why the run failed, when {@link #status()} is {@link RunStatus#FAILED}. */
  public synchronized Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public synchronized String toString() {
    return "AgentRun[" + agent.name() + " " + executionId + ", " + status
        + (status == RunStatus.WAITING ? " on " + describeWaiting() : "") + ", " + segmentCount + " segment(s)]";
  }

  /** Throws the simulated crash when the plan says this new operation is where the process dies. */
  void crashIfPlanned(Crash.Phase phase, int position, OperationKind kind, int occurrence, String description) {
    if (root.takePlan(plan -> plan.appliesTo(phase, childPath, position, kind, occurrence))) {
      throw new SimulatedCrash((phase == Crash.Phase.AFTER ? "after " : "") + description);
    }
  }

  /** Consumes the root's crash plan when {@code applies}; plans are shared by a run and its children. */
  private boolean takePlan(java.util.function.Predicate<Crash> applies) {
    synchronized (root) {
      if (crashPlan != null && applies.test(crashPlan)) {
        crashPlan = null;
        crashFired = true;
        return true;
      }
      return false;
    }
  }

  /** The agent and input this run was started with (for {@link CrashExploration#like}). */
  Agent<?, O> agent() {
    return agent;
  }

  Object input() {
    return input;
  }

  /** The journal this run writes to. */
  Journal journal() {
    return services.journal();
  }

  /** Whether the crash plan this run started with fired (in it or in a child). */
  boolean crashPlanFired() {
    synchronized (root) {
      return root.crashFired;
    }
  }

  /** The path of this child below its root run ({@code ""} for the root), as {@link Crash#inChild} takes it. */
  String childPath() {
    return childPath;
  }

  /** Counts one real execution of an operation (issue 14); replays never call this. */
  void recordExecution(String key, OperationKind kind, String name) {
    synchronized (root) {
      executions.add(new ExecutedOperation(executionId, key, kind, name));
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

  /** The pending wait of that kind and name, when the run waits on it. */
  private Optional<Wait> pendingWait(WaitKind kind, String name) {
    if (status != RunStatus.WAITING) {
      return Optional.empty();
    }
    return waiting.stream().filter(wait -> wait.kind() == kind && wait.name().equals(name)).findFirst();
  }

  /** Whether the run waits on a child agent (a child wait is always the only one). */
  private boolean waitsOnChild() {
    return status == RunStatus.WAITING && waiting.size() == 1 && waiting.get(0).kind() == WaitKind.CHILD;
  }

  /** "tool get_weather" for one wait, "[tool get_weather, approval 'refund']" for several. */
  private String describeWaiting() {
    return waiting.size() == 1 ? waiting.get(0).toString() : waiting.toString();
  }

  private void requireWaiting(String operation) {
    if (status != RunStatus.WAITING) {
      throw new IllegalStateException("Cannot " + operation + ": " + agent.name() + " (execution " + executionId
          + ") is " + status + ", not WAITING.");
    }
  }

  /** Satisfies one pending wait in the journal; the run keeps waiting on the others. */
  private void satisfyPending(Wait wait, Object result) {
    satisfy(wait, result);
    waiting = waiting.stream().filter(other -> other != wait).toList();
  }

  /**
   * Fires the timers that are due and expires the approvals whose deadline passed (nobody decided in time: the agent
   * gets {@link Approval#expired}); returns the resume cause of the last, or null when nothing was due.
   */
  private String fireDueWaits() {
    Instant now = services.clock().instant();
    String cause = null;
    for (Wait wait : waiting) {
      if (wait.until() == null || now.isBefore(wait.until())) {
        continue;
      }
      if (wait.kind() == WaitKind.TIMER) {
        satisfyPending(wait, Boolean.TRUE);
        cause = "timer_fired";
      } else if (wait.kind() == WaitKind.APPROVAL) {
        Approval expired = Approval.expired(wait.until());
        satisfyPending(wait, expired);
        decisions.put(wait.name(), expired);
        cause = SpanConventions.CAUSE_APPROVAL_EXPIRED;
      }
    }
    return cause;
  }

  /** Continues in a new segment, resumed by {@code cause}, once no wait is pending any more. */
  private void continueWhenNothingPending(String cause) {
    if (cause != null && status == RunStatus.WAITING && waiting.isEmpty()) {
      runSegment(cause, waitedMillis());
    }
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

  /**
   * Runs the tools of a tool wait, each in its own span under the segment that requested them. Progress is journaled
   * call by call (issue 14), so a crash mid-wait re-runs no finished tool, and a non-idempotent tool that was running
   * when the process died is never run again (see {@link ToolRunner}).
   */
  private void runTools(Wait wait) {
    ToolRunner.Result result = new ToolRunner(this, services, wait, pendingEntry(wait))
        .run(Context.root().with(Span.wrap(lastSegment)));
    if (result.fatal() != null) {
      // A stub misconfiguration (an AssertionError such as an unstubbed tool) fails the run, not just the tool.
      services.journal().replace(executionId,
          pendingEntry(wait).satisfiedWithFailure(RecordedFailure.of(result.fatal())));
      status = RunStatus.FAILED;
      failure = result.fatal();
      waiting = List.of();
      return;
    }
    satisfy(wait, result.outcomes());
  }

  /** Whether the plan says the process dies after this tool ran, before its result is journaled (issue 14). */
  boolean crashPlannedDuringTool(int position, int callIndex) {
    return root.takePlan(plan -> plan.appliesToTool(childPath, position, callIndex));
  }

  /** What the child did after it was driven: the parent continues when it ended, crashes when it crashed. */
  private void afterChildProgress() {
    RunStatus childStatus = child.status();
    if (childStatus == RunStatus.CRASHED) {
      status = RunStatus.CRASHED;
    } else if (childStatus == RunStatus.COMPLETED) {
      satisfy(waiting.get(0), child.output);
      runSegment(SpanConventions.CAUSE_CHILD_COMPLETED, waitedMillis());
    } else if (childStatus == RunStatus.FAILED) {
      services.journal().replace(executionId,
          pendingEntry(waiting.get(0)).satisfiedWithFailure(RecordedFailure.of(child.failure)));
      runSegment(SpanConventions.CAUSE_CHILD_FAILED, waitedMillis());
    }
  }

  /** Starts (or, after the parent re-ran, picks up) the child agent the last segment suspended on. */
  private void startOrContinueChild(SegmentContext.PendingChild pending, Wait wait) {
    if (child != null && child.executionId.equals(executionId + "/" + wait.key())) {
      return;   // the same child, still running: the parent re-ran after a crash
    }
    @SuppressWarnings("unchecked")
    Agent<Object, Object> childAgent = (Agent<Object, Object>) pending.agent();
    AgentRun<Object> started = new AgentRun<>(this, childAgent, pending.input(), wait.key(),
        Context.root().with(Span.wrap(lastSegment)));
    child = started;
    children.add(started);
    if (started.segmentCount == 0) {
      recordExecution(wait.key(), OperationKind.CHILD, childAgent.name());
      started.runSegment(null, 0);
    } else {
      started.restoreStatusFromJournal();
    }
    afterChildProgress();
  }

  /** A child continued after a restart: waiting on its pending wait, or crashed mid-segment. */
  private void restoreStatusFromJournal() {
    if (!restorePendingWaits()) {
      status = RunStatus.CRASHED;
      recover();
    }
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
      // who decided each approval awaited, and why
      decisions.forEach((name, decision) ->
          segment.decided(name, decision.approved(), decision.approver(), decision.comment()));
      decisions.clear();
    }
    Context segmentContext = segment.context();
    SegmentContext ctx = new SegmentContext(this, services, segmentContext);
    SegmentOutcome outcome;
    try (Scope scope = segmentContext.makeCurrent()) {
      O result = invokeAgent(ctx);
      if (ctx.suspendedOn() == null && root.takePlan(plan -> plan.appliesToCompletion(childPath))) {
        throw new SimulatedCrash("completion");   // issue 14: the agent returned, its completion was not recorded
      }
      if (ctx.suspendedOn() != null) {
        throw new IllegalStateException(agent.name() + " caught the runtime's wait signal (waiting on "
            + ctx.suspendedOn() + ") and carried on. Do not catch Throwable or Error around ctx calls.");
      }
      output = result;
      status = RunStatus.COMPLETED;
      waiting = List.of();
      outcome = SegmentOutcome.COMPLETED;
    } catch (SimulatedCrash crash) {
      status = RunStatus.CRASHED;
      waiting = List.of();
      segment.crashedBefore(crash.operation());
      outcome = SegmentOutcome.CRASHED;
    } catch (SuspendSignal signal) {
      status = RunStatus.WAITING;
      waiting = signal.waits();
      waitingSince = services.clock().instant();
      for (Wait wait : waiting) {
        segment.waiting(wait.kind(), wait.key(), wait.until(), wait.toolCalls().stream().map(ToolCall::name).toList(),
            wait.name());
      }
      outcome = SegmentOutcome.WAITING;
    } catch (Throwable error) {
      status = RunStatus.FAILED;
      waiting = List.of();
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
    if (outcome == SegmentOutcome.WAITING && waitsOnChild() && ctx.pendingChild() != null) {
      startOrContinueChild(ctx.pendingChild(), waiting.get(0));   // issue 14: the child runs while the parent waits
    }
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
