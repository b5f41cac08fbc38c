package dev.agenttrace.runtime;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.ChatSpan;
import dev.agenttrace.trace.StepSpan;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link AgentContext} of one execution segment: answers journaled operations from the journal (no span, no
 * side effect), runs new ones (with their spans) and journals them, and suspends the agent at a wait.
 */
final class SegmentContext implements AgentContext {
  private final AgentRun<?> run;
  private final HarnessServices services;
  private final Context segmentContext;
  private final List<JournalEntry> journaled;
  private int cursor;
  private int replayed;
  private Usage usage = Usage.NONE;
  private final Map<OperationKind, Integer> occurrences = new EnumMap<>(OperationKind.class);
  private Wait suspendedOn;
  private PendingChild pendingChild;

  /** The child agent a segment suspended on (issue 14): what AgentRun must start or continue. */
  record PendingChild(Agent<?, ?> agent, Object input) {}

  SegmentContext(AgentRun<?> run, HarnessServices services, Context segmentContext) {
    this.run = run;
    this.services = services;
    this.segmentContext = segmentContext;
    this.journaled = services.journal().entries(run.executionId());
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    return perform(OperationKind.CHAT, request.model(), null, key -> {
      ChatSpan span = services.spans().startChat(segmentContext, request, services.requireLlm().providerName());
      try {
        ChatResponse response = services.requireLlm().chat(request);
        usage = usage.plus(response.usage());
        span.end(response);
        return response;
      } catch (RuntimeException | Error e) {
        span.fail(e, ErrorTypes.of(e));
        throw e;
      }
    });
  }

  @Override
  public List<Message> callTools(List<ToolCall> calls) {
    if (calls.isEmpty()) {
      return List.of();
    }
    String names = String.join(",", calls.stream().map(ToolCall::name).toList());
    @SuppressWarnings("unchecked")
    List<ToolOutcome> outcomes = (List<ToolOutcome>) awaitOperation(OperationKind.TOOLS, names,
        key -> Wait.tools(key, calls), () -> null);
    // the key covers the tool names; the arguments must match too (ToolCallDeterminism)
    ToolCallDeterminism.check(run.executionId(), cursor - 1, outcomes, calls);
    return toolMessages(calls, outcomes);
  }

  /** One tool-result message per call, in order; a failed tool throws {@link ToolFailedException}. */
  private static List<Message> toolMessages(List<ToolCall> calls, List<ToolOutcome> outcomes) {
    List<Message> messages = new ArrayList<>(outcomes.size());
    for (int i = 0; i < outcomes.size(); i++) {
      ToolOutcome outcome = outcomes.get(i);
      if (outcome.failure() != null) {
        RecordedFailure failure = outcome.failure();
        throw new ToolFailedException(outcome.toolName(), outcome.callId(), failure.type(), failure.message(),
            failure.original());
      }
      messages.add(Message.toolResult(calls.get(i), outcome.result()));
    }
    return List.copyOf(messages);
  }

  @Override
  public String callTool(ToolCall call) {
    return callTools(List.of(call)).get(0).toolResults().get(0).content();
  }

  @Override
  public <T> T step(String name, Supplier<T> body) {
    return step(name, null, body);
  }

  @Override
  public <T> T step(String name, String key, Supplier<T> body) {
    return perform(OperationKind.STEP, name, key, journalKey -> {
      StepSpan span = services.spans().startStep(segmentContext, name, journalKey);
      try (var scope = span.context().makeCurrent()) {
        T result = body.get();
        span.end(result);
        return result;
      } catch (RuntimeException | Error e) {
        span.fail(e, ErrorTypes.of(e));
        throw e;
      }
    });
  }

  @Override
  public void sleep(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    awaitOperation(OperationKind.TIMER, duration.toString(),
        key -> Wait.timer(key, services.clock().instant().plus(duration)), () -> null);
  }

  @Override
  public String waitForEvent(String name) {
    return (String) awaitOperation(OperationKind.EVENT, name, key -> Wait.event(key, name),
        () -> run.takeBufferedEvent(name));
  }

  @Override
  public Approval awaitApproval(String name) {
    return (Approval) awaitOperation(OperationKind.APPROVAL, name, key -> Wait.approval(key, name),
        () -> run.takeBufferedApproval(name));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <I, R> R callAgent(Agent<I, R> child, I input) {
    // issue 14: a wait of kind child; AgentRun starts and drives the child once this segment has ended
    return (R) awaitOperation(OperationKind.CHILD, child.name(), key -> {
      pendingChild = new PendingChild(child, input);
      return Wait.child(key, child.name());
    }, () -> null);
  }

  @Override
  public Approval awaitApproval(String name, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("awaitApproval(\"" + name + "\", timeout): the timeout must be positive; got "
          + timeout);
    }
    return (Approval) awaitOperation(OperationKind.APPROVAL, name,
        key -> Wait.approval(key, name, services.clock().instant().plus(timeout)), () -> run.takeBufferedApproval(name));
  }

  @Override
  public Awaited awaitAll(Await<?>... waits) {
    if (waits.length == 0) {
      throw new IllegalArgumentException("awaitAll(...) needs at least one wait, e.g. awaitAll(Await.tools(calls), "
          + "Await.approval(\"refund\"))");
    }
    List<Wait> pending = new ArrayList<>();
    Map<Await<?>, Object> results = new IdentityHashMap<>();
    List<Runnable> crashPointsAfter = new ArrayList<>();
    for (Await<?> member : waits) {
      Objects.requireNonNull(member, "awaitAll(...) was given a null wait");
      OperationKind kind = member.kind();
      String key = currentKey(kind, member.name(), null);
      String description = describe(kind, member.name());
      int occurrence = occurrences.merge(kind, 1, Integer::sum);
      int position = cursor++;
      Object value;
      if (position < journaled.size()) {
        JournalEntry entry = journaled.get(position);
        if (entry.isPending() && entry.key().equals(key)) {
          pending.add(entry.pendingWait());
          continue;
        }
        value = replay(position, key, description);
      } else {
        run.crashIfPlanned(Crash.Phase.BEFORE, position, kind, occurrence, description);
        value = member.alreadyGiven(run);
        if (value == null) {
          Wait wait = member.waitFor(key, services.clock().instant());
          services.journal().append(run.executionId(), JournalEntry.pending(position, kind, key, description, wait));
          pending.add(wait);
          continue;
        }
        services.journal().append(run.executionId(), JournalEntry.completed(position, kind, key, description, value));
      }
      if (kind == OperationKind.TOOLS) {
        @SuppressWarnings("unchecked")
        List<ToolOutcome> outcomes = (List<ToolOutcome>) value;
        ToolCallDeterminism.check(run.executionId(), position, outcomes, member.calls());
        value = toolMessages(member.calls(), outcomes);
      }
      results.put(member, value);
      crashPointsAfter.add(() -> run.crashIfPlanned(Crash.Phase.AFTER, position, kind, occurrence, description));
    }
    if (!pending.isEmpty()) {
      throw suspend(pending);
    }
    // the results reach the agent together: a crash "after" one of these waits happens here (plans fire once)
    crashPointsAfter.forEach(Runnable::run);
    return new Awaited(results);
  }

  @Override
  public Instant now() {
    return perform(OperationKind.NOW, "", null, key -> services.clock().instant());
  }

  @Override
  public UUID randomUuid() {
    int position = cursor;
    return perform(OperationKind.UUID, "", null,
        key -> UUID.nameUUIDFromBytes((run.executionId() + "#" + position).getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public String executionId() {
    return run.executionId();
  }

  int replayedCount() {
    return replayed;
  }

  Usage usage() {
    return usage;
  }

  /** The (first) wait the agent was suspended on, if it suspended (even when the agent wrongly caught the signal). */
  Wait suspendedOn() {
    return suspendedOn;
  }

  /** The child agent the segment suspended on, when it suspended on one. */
  PendingChild pendingChild() {
    return pendingChild;
  }

  /** Runs or replays a non-waiting operation. */
  @SuppressWarnings("unchecked")
  private <T> T perform(
      OperationKind kind, String name, String explicitKey, Function<String, T> execute) {
    String key = currentKey(kind, name, explicitKey);
    String description = describe(kind, name);
    int occurrence = occurrences.merge(kind, 1, Integer::sum);
    int position = cursor++;
    if (position < journaled.size()) {
      return (T) replay(position, key, description);
    }
    run.crashIfPlanned(Crash.Phase.BEFORE, position, kind, occurrence, description);
    if (kind == OperationKind.CHAT || kind == OperationKind.STEP) {
      run.recordExecution(key, kind, name);   // issue 14: counts real executions for crash exploration
    }
    T value;
    try {
      value = execute.apply(key);
    } catch (RuntimeException | Error e) {
      services.journal().append(run.executionId(),
          JournalEntry.failed(position, kind, key, description, RecordedFailure.of(e)));
      throw e;
    }
    services.journal().append(run.executionId(),
        JournalEntry.completed(position, kind, key, description, value));
    run.crashIfPlanned(Crash.Phase.AFTER, position, kind, occurrence, description);
    return value;
  }

  /** Runs or replays a wait: immediately satisfied when {@code available} has a value, else suspends. */
  private Object awaitOperation(
      OperationKind kind, String name, Function<String, Wait> waitFor, Supplier<Object> available) {
    String key = currentKey(kind, name, null);
    String description = describe(kind, name);
    int occurrence = occurrences.merge(kind, 1, Integer::sum);
    int position = cursor++;
    if (position < journaled.size()) {
      JournalEntry entry = journaled.get(position);
      if (entry.isPending() && entry.key().equals(key)) {
        if (kind == OperationKind.CHILD) {
          waitFor.apply(key);   // remembers the child agent, which only the re-running parent can hand over
        }
        throw suspend(List.of(entry.pendingWait()));
      }
      Object value = replay(position, key, description);
      // a wait's result reaches the agent first in a replay: a crash "after" the wait happens here (plans fire once)
      run.crashIfPlanned(Crash.Phase.AFTER, position, kind, occurrence, description);
      return value;
    }
    run.crashIfPlanned(Crash.Phase.BEFORE, position, kind, occurrence, description);
    Object ready = available.get();
    if (ready != null) {
      services.journal().append(run.executionId(), JournalEntry.completed(position, kind, key, description, ready));
      run.crashIfPlanned(Crash.Phase.AFTER, position, kind, occurrence, description);
      return ready;
    }
    Wait wait = waitFor.apply(key);
    services.journal().append(run.executionId(), JournalEntry.pending(position, kind, key, description, wait));
    throw suspend(List.of(wait));
  }

  private SuspendSignal suspend(List<Wait> waits) {
    suspendedOn = waits.get(0);
    return new SuspendSignal(waits);
  }

  private Object replay(int position, String key, String description) {
    JournalEntry entry = journaled.get(position);
    if (!entry.key().equals(key)) {
      throw new NonDeterminismException(run.executionId(), position,
          entry.description() + " (key " + entry.key() + ")", description + " (key " + key + ")");
    }
    replayed++;
    if (entry.isFailed()) {
      throw rethrowable(entry.failure());
    }
    return entry.value();
  }

  private static RuntimeException rethrowable(RecordedFailure failure) {
    Throwable original = failure.original();
    if (original instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (original instanceof Error error) {
      throw error;
    }
    return new ReplayedFailureException(failure.type(), failure.message(), original);
  }

  private String currentKey(OperationKind kind, String name, String explicitKey) {
    return explicitKey != null ? explicitKey : cursor + ":" + kind.wireValue() + ":" + name;
  }

  private static String describe(OperationKind kind, String name) {
    return name.isEmpty() ? kind.wireValue() : kind.wireValue() + " " + name;
  }
}
