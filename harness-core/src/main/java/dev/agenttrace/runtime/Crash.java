package dev.agenttrace.runtime;

import java.util.Objects;

/**
 * Where to simulate a process crash in a run: right before a chosen operation executes (operations already done are
 * in the journal; the chosen one has not started), right after one completed and was journaled, or in the middle of
 * a tool call (the tool ran, its result never reached the journal). The crashed segment ends with outcome
 * {@code crashed} — not an error — and {@link AgentRun#recover()} (or a new harness over the same journal, see
 * {@link AgentHarness#recover}) continues from the journal. A crash plan fires once.
 *
 * <pre>{@code
 * AgentRun<String> run = harness.start(new WeatherAgent(), question, Crash.before(OperationKind.TOOLS));
 * assertThat(run.status()).isEqualTo(RunStatus.CRASHED);
 * run.recover();
 * }</pre>
 *
 * A plan applies to the run it is given to; {@link #inChild(String)} aims it at a child agent's execution instead
 * (see {@link AgentContext#callAgent}). {@link CrashExploration} tries every crash point of an agent.
 */
public final class Crash {
  /** When, relative to the chosen operation, the process dies. */
  enum Phase {
    BEFORE,
    AFTER,
    DURING_TOOL,
    BEFORE_COMPLETION
  }

  private final Phase phase;
  private final OperationKind kind;
  private final int occurrence;
  private final int position;
  private final int toolIndex;
  private final String childPath;

  private Crash(Phase phase, OperationKind kind, int occurrence, int position, int toolIndex, String childPath) {
    this.phase = phase;
    this.kind = kind;
    this.occurrence = occurrence;
    this.position = position;
    this.toolIndex = toolIndex;
    this.childPath = childPath;
  }

  /** Crash before the first operation of this kind. */
  public static Crash before(OperationKind kind) {
    return before(kind, 1);
  }

  /** Crash before the {@code occurrence}-th (1-based) operation of this kind in the execution. */
  public static Crash before(OperationKind kind, int occurrence) {
    return new Crash(Phase.BEFORE, Objects.requireNonNull(kind, "kind"), requireOccurrence(occurrence), -1, -1, "");
  }

  /** Crash before the operation at this 0-based journal position, whatever its kind. */
  public static Crash beforeOperation(int position) {
    return new Crash(Phase.BEFORE, null, 0, requirePosition(position), -1, "");
  }

  /** Crash right after the first operation of this kind completed and was journaled. */
  public static Crash after(OperationKind kind) {
    return after(kind, 1);
  }

  /**
   * Crash right after the {@code occurrence}-th (1-based) operation of this kind completed and was journaled, before
   * the agent saw its result. For a wait, that is when its result is first handed to the resumed agent.
   */
  public static Crash after(OperationKind kind, int occurrence) {
    return new Crash(Phase.AFTER, Objects.requireNonNull(kind, "kind"), requireOccurrence(occurrence), -1, -1, "");
  }

  /** Crash right after the operation at this 0-based journal position completed and was journaled. */
  public static Crash afterOperation(int position) {
    return new Crash(Phase.AFTER, null, 0, requirePosition(position), -1, "");
  }

  /**
   * Crash in the middle of a tool call: the {@code callIndex}-th (0-based) tool of the tool wait at journal position
   * {@code position} ran, but the process died before its result was journaled. On recovery an idempotent tool runs
   * again; a tool whose {@link dev.agenttrace.llm.ToolExecutor#isIdempotent} is false never does — its outcome is
   * reported to the agent as a {@link ToolOutcomeUnknownException}.
   */
  public static Crash duringTool(int position, int callIndex) {
    if (callIndex < 0) {
      throw new IllegalArgumentException("callIndex is 0-based; got " + callIndex);
    }
    return new Crash(Phase.DURING_TOOL, OperationKind.TOOLS, 0, requirePosition(position), callIndex, "");
  }

  /**
   * Crash after the agent returned its output but before the execution was recorded as completed: on recovery the
   * agent runs once more from the top, everything replays, and only work outside the journal happens again.
   */
  public static Crash beforeCompletion() {
    return new Crash(Phase.BEFORE_COMPLETION, null, 0, -1, -1, "");
  }

  /**
   * This plan, aimed at a child agent's execution: {@code childPath} is the child's path below the run, e.g.
   * {@code "2:callAgent:WeatherAgent"} (the journal key of the parent's {@code callAgent} operation); nested children
   * are joined with {@code /}.
   */
  public Crash inChild(String childPath) {
    Objects.requireNonNull(childPath, "childPath");
    return new Crash(phase, kind, occurrence, position, toolIndex,
        this.childPath.isEmpty() ? childPath : childPath + "/" + this.childPath);
  }

  /** The child path this plan aims at; empty for the run itself. */
  String childPath() {
    return childPath;
  }

  Phase phase() {
    return phase;
  }

  boolean appliesTo(Phase when, String path, int operationPosition, OperationKind operationKind,
      int occurrenceOfKind) {
    if (when != phase || !childPath.equals(path)) {
      return false;
    }
    return kind == null ? operationPosition == position : kind == operationKind && occurrence == occurrenceOfKind;
  }

  boolean appliesToCompletion(String path) {
    return phase == Phase.BEFORE_COMPLETION && childPath.equals(path);
  }

  boolean appliesToTool(String path, int operationPosition, int callIndex) {
    return phase == Phase.DURING_TOOL && childPath.equals(path) && operationPosition == position
        && callIndex == toolIndex;
  }

  private static int requireOccurrence(int occurrence) {
    if (occurrence < 1) {
      throw new IllegalArgumentException("occurrence is 1-based; got " + occurrence);
    }
    return occurrence;
  }

  private static int requirePosition(int position) {
    if (position < 0) {
      throw new IllegalArgumentException("position is 0-based; got " + position);
    }
    return position;
  }

  @Override
  public String toString() {
    String where = childPath.isEmpty() ? "" : " in child " + childPath;
    if (phase == Phase.BEFORE_COMPLETION) {
      return "crash before completion" + where;
    }
    if (phase == Phase.DURING_TOOL) {
      return "crash during tool call #" + toolIndex + " of operation #" + position + where;
    }
    String when = phase == Phase.BEFORE ? "before " : "after ";
    return (kind == null ? "crash " + when + "operation #" + position
        : "crash " + when + kind.wireValue() + " #" + occurrence) + where;
  }
}
