package dev.agenttrace.runtime;

import dev.agenttrace.trace.WaitKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * Proves that an agent resumes exactly once from a crash anywhere: runs it once without a crash to learn its
 * operations, then once per crash point — before and after every LLM call, tool wait, step, timer, event, approval
 * and child agent, in the middle of every tool call and right before completion, in the agent and in its child
 * agents — recovers each, and
 * checks that every run reaches the same output, that no LLM call, tool call or step really executed twice (counted
 * by the runtime as it calls the ports, not from spans), that every counted side effect happened as often as without
 * a crash, and that the stitched trace shows the same work as the uncrashed run.
 *
 * <pre>{@code
 * CrashExploration.of(harness, new WeatherAgent(), "What's the weather in Paris?").run();
 * CrashExploration.of(harness, new RefundAgent(), complaint).approving("refund").run();
 * }</pre>
 *
 * <p>Side-effect classes: an idempotent tool may run a second time after a crash in the middle of its own call; a
 * non-idempotent one ({@link dev.agenttrace.llm.ToolExecutor#isIdempotent} false) never runs twice — at that point
 * the agent gets a {@link ToolOutcomeUnknownException} instead, so only "never twice" is checked there. Work outside
 * the journal (a side effect not in a step) is invisible to the runtime: count it with {@link #countingEffect} and
 * exploration catches it when a replay repeats it.
 *
 * @param <I> the agent's input type
 * @param <O> the agent's output type
 */
public final class CrashExploration<I, O> {
  private static final int MAX_DRIVER_STEPS = 10_000;

  private final AgentHarness harness;
  private final Agent<I, O> agent;
  private final I input;
  private final Map<String, Approval> decisions = new LinkedHashMap<>();
  private final Map<String, String> events = new LinkedHashMap<>();
  private final Map<String, IntSupplier> effects = new LinkedHashMap<>();

  private CrashExploration(AgentHarness harness, Agent<I, O> agent, I input) {
    this.harness = Objects.requireNonNull(harness, "harness");
    this.agent = Objects.requireNonNull(agent, "agent");
    this.input = input;
  }

  /** An exploration of {@code agent} on {@code input}, run on {@code harness} (its stubs answer every run). */
  public static <I, O> CrashExploration<I, O> of(AgentHarness harness, Agent<I, O> agent, I input) {
    return new CrashExploration<>(harness, agent, input);
  }

  /**
   * An exploration of the agent and input of a finished {@code run}, on {@code harness}, answering every
   * approval and event the way the run's own journal says they were answered. This is what
   * {@code @AgentTest(crashExploration = true)} does for each run of a passing test.
   */
  @SuppressWarnings("unchecked")
  public static <O> CrashExploration<Object, O> like(AgentHarness harness, AgentRun<O> run) {
    CrashExploration<Object, O> exploration = new CrashExploration<>(harness, (Agent<Object, O>) run.agent(),
        run.input());
    exploration.answerLike(run);
    return exploration;
  }

  private void answerLike(AgentRun<?> run) {
    for (JournalEntry entry : run.journal().entries(run.executionId())) {
      String name = entry.description().substring(entry.kind().wireValue().length()).strip();
      if (entry.kind() == OperationKind.APPROVAL && entry.value() instanceof Approval decision
          && !decision.isExpired()) {
        decisions.putIfAbsent(name, decision);
      } else if (entry.kind() == OperationKind.EVENT && entry.value() instanceof String payload) {
        events.putIfAbsent(name, payload);
      }
    }
    run.children().forEach(this::answerLike);
  }

  /** Answers the approval {@code name} with a grant every time the agent (or a child) awaits it. */
  public CrashExploration<I, O> approving(String name) {
    return deciding(name, Approval.granted("crash-exploration"));
  }

  /** Answers the approval {@code name} with {@code decision} every time it is awaited. */
  public CrashExploration<I, O> deciding(String name, Approval decision) {
    decisions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(decision, "decision"));
    return this;
  }

  /** Sends {@code payload} every time the agent waits for the event {@code name}. */
  public CrashExploration<I, O> sendingEvent(String name, String payload) {
    events.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(payload, "payload"));
    return this;
  }

  /**
   * Counts a side effect the journal does not see (an e-mail sent, a row written): each crashed run must change
   * {@code count} exactly as much as the uncrashed run did. The name appears in failure messages.
   */
  public CrashExploration<I, O> countingEffect(String name, IntSupplier count) {
    effects.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(count, "count"));
    return this;
  }

  /**
   * Explores every crash point and returns what it found.
   *
   * @throws IllegalStateException when the uncrashed run does not end (it waits on an approval or event nobody
   *     answers), or a stub is misconfigured
   */
  public CrashExplorationResult explore() {
    Map<String, Integer> effectsBefore = effectCounts();
    AgentRun<O> uncrashed = harness.start(agent, input);
    drive(uncrashed, "the uncrashed run");
    RunFacts expected = RunFacts.of(uncrashed, harness.journal(), effectDelta(effectsBefore));
    List<CrashPoint> points = new ArrayList<>();
    Map<CrashPoint, String> reRunnable = new LinkedHashMap<>();
    collectPoints(uncrashed, points, reRunnable);
    List<CrashExplorationResult.Failure> failures = new ArrayList<>();
    for (CrashPoint point : points) {
      Map<String, Integer> before = effectCounts();
      AgentRun<O> crashed = harness.start(agent, input, point.crash());
      drive(crashed, "the run crashed " + point.description());
      RunFacts actual = RunFacts.of(crashed, harness.journal(), effectDelta(before));
      List<String> problems = new ArrayList<>();
      if (!crashed.crashPlanFired()) {
        problems.add("the run never reached this crash point: it took another path than the uncrashed run");
      }
      problems.addAll(expected.executedTwiceIn(actual, reRunnable.get(point)));
      problems.addAll(expected.effectDifferences(actual));
      boolean inDoubt = point.isMidToolCall() && !point.idempotentTool();
      if (!inDoubt) {
        problems.addAll(expected.outcomeDifferences(actual));
        problems.addAll(expected.workDifferences(actual));
      }
      if (!problems.isEmpty()) {
        failures.add(new CrashExplorationResult.Failure(point, problems, crashed));
      }
    }
    return new CrashExplorationResult(agent.name(), uncrashed, points, failures);
  }

  /**
   * Explores every crash point and fails when any did not recover exactly once.
   *
   * @throws CrashExplorationFailure naming each failing crash point, what differed, and both traces
   */
  public CrashExplorationResult run() {
    CrashExplorationResult result = explore();
    if (!result.allRecovered()) {
      throw new CrashExplorationFailure(result);
    }
    return result;
  }

  private void collectPoints(AgentRun<?> run, List<CrashPoint> points, Map<CrashPoint, String> reRunnable) {
    String where = " (operation #%d of " + run.agentName()
        + (run.childPath().isEmpty() ? "" : ", child " + run.childPath()) + ")";
    for (JournalEntry entry : harness.journal().entries(run.executionId())) {
      if (entry.kind() == OperationKind.NOW || entry.kind() == OperationKind.UUID) {
        continue;
      }
      String operation = entry.description() + String.format(where, entry.position());
      points.add(point(Crash.beforeOperation(entry.position()), run, "before " + operation, entry, "", true));
      points.add(point(Crash.afterOperation(entry.position()), run, "after " + operation, entry, "", true));
      if (entry.kind() == OperationKind.TOOLS && entry.value() instanceof List<?> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
          String tool = ((ToolOutcome) outcomes.get(i)).toolName();
          boolean idempotent = harness.services().requireTools().isIdempotent(tool);
          CrashPoint midCall = point(Crash.duringTool(entry.position(), i), run,
              "in the middle of tool " + tool + " (call #" + i + ")" + String.format(where, entry.position()),
              entry, tool, idempotent);
          points.add(midCall);
          if (idempotent) {
            reRunnable.put(midCall, RunFacts.identity(run.childPath(), entry.key() + "#" + i));
          }
        }
      }
    }
    points.add(new CrashPoint(run.childPath().isEmpty() ? Crash.beforeCompletion()
        : Crash.beforeCompletion().inChild(run.childPath()), "before completion of " + run.agentName()
        + (run.childPath().isEmpty() ? "" : " (child " + run.childPath() + ")"), OperationKind.STEP, "", true));
    for (AgentRun<?> child : run.children()) {
      collectPoints(child, points, reRunnable);
    }
  }

  private static CrashPoint point(Crash crash, AgentRun<?> run, String description, JournalEntry entry,
      String tool, boolean idempotent) {
    Crash aimed = run.childPath().isEmpty() ? crash : crash.inChild(run.childPath());
    return new CrashPoint(aimed, description, entry.kind(), tool, idempotent);
  }

  /** Drives a run to its end the way a supervising runtime and the configured answers would. */
  private void drive(AgentRun<O> run, String which) {
    for (int steps = 0; steps < MAX_DRIVER_STEPS; steps++) {
      RunStatus status = run.status();
      if (status == RunStatus.CRASHED) {
        run.recover();
        continue;
      }
      if (status != RunStatus.WAITING) {
        return;
      }
      List<Wait> waits = run.pendingWaits();
      Wait wait = waits.get(waits.size() - 1);
      if (wait.kind() == WaitKind.APPROVAL && decisions.containsKey(wait.name())) {
        run.decide(wait.name(), decisions.get(wait.name()));
      } else if (wait.kind() == WaitKind.APPROVAL && wait.until() != null) {
        Instant now = harness.clock().instant();
        run.advanceTime(now.isBefore(wait.until()) ? Duration.between(now, wait.until()) : Duration.ZERO);
      } else if (wait.kind() == WaitKind.EVENT && events.containsKey(wait.name())) {
        run.sendEvent(wait.name(), events.get(wait.name()));
      } else if (wait.kind() == WaitKind.APPROVAL || wait.kind() == WaitKind.EVENT) {
        throw new IllegalStateException("Crash exploration of " + agent.name() + ": " + which + " waits on " + wait
            + ", which only the test can answer. Add ."
            + (wait.kind() == WaitKind.APPROVAL ? "approving(\"" + wait.name() + "\") or .deciding(\"" + wait.name()
                + "\", decision)" : "sendingEvent(\"" + wait.name() + "\", payload)")
            + " to the exploration.");
      } else {
        run.resume();
      }
    }
    throw new IllegalStateException("Crash exploration of " + agent.name() + ": " + which + " did not end after "
        + MAX_DRIVER_STEPS + " waits.");
  }

  private Map<String, Integer> effectCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    effects.forEach((name, counter) -> counts.put(name, counter.getAsInt()));
    return counts;
  }

  private Map<String, Integer> effectDelta(Map<String, Integer> before) {
    Map<String, Integer> delta = new LinkedHashMap<>();
    effects.forEach((name, counter) -> delta.put(name, counter.getAsInt() - before.get(name)));
    return delta;
  }
}
