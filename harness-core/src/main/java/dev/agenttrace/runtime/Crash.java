package dev.agenttrace.runtime;

import java.util.Objects;

/**
 * Where to simulate a process crash in a run: right before a chosen operation executes (operations already done are
 * in the journal; the chosen one has not started). The crashed segment ends with outcome {@code crashed} — not an
 * error — and {@link AgentRun#recover()} (or a new harness over the same journal, see
 * {@link AgentHarness#recover}) continues from the journal without running anything twice. A crash plan fires once.
 *
 * <pre>{@code
 * AgentRun<String> run = harness.start(new WeatherAgent(), question, Crash.before(OperationKind.TOOLS));
 * assertThat(run.status()).isEqualTo(RunStatus.CRASHED);
 * run.recover();
 * }</pre>
 */
public final class Crash {
  private final OperationKind kind;
  private final int occurrence;
  private final int position;

  private Crash(OperationKind kind, int occurrence, int position) {
    this.kind = kind;
    this.occurrence = occurrence;
    this.position = position;
  }

  /** Crash before the first operation of this kind. */
  public static Crash before(OperationKind kind) {
    return before(kind, 1);
  }

  /** Crash before the {@code occurrence}-th (1-based) operation of this kind in the execution. */
  public static Crash before(OperationKind kind, int occurrence) {
    Objects.requireNonNull(kind, "kind");
    if (occurrence < 1) {
      throw new IllegalArgumentException("occurrence is 1-based; got " + occurrence);
    }
    return new Crash(kind, occurrence, -1);
  }

  /** Crash before the operation at this 0-based journal position, whatever its kind. */
  public static Crash beforeOperation(int position) {
    if (position < 0) {
      throw new IllegalArgumentException("position is 0-based; got " + position);
    }
    return new Crash(null, 0, position);
  }

  boolean appliesTo(int operationPosition, OperationKind operationKind, int occurrenceOfKind) {
    return kind == null ? operationPosition == position : kind == operationKind && occurrence == occurrenceOfKind;
  }

  @Override
  public String toString() {
    return kind == null ? "crash before operation #" + position
        : "crash before " + kind.wireValue() + " #" + occurrence;
  }
}
