package dev.agenttrace.runtime;

import java.util.List;

/**
 * Unwinds the agent out of its current segment when it enters a wait (or, through
 * {@link AgentContext#awaitAll}, several at once). An {@link Error} so that agent code catching {@code Exception}
 * cannot swallow it; carries no stack trace because it is control flow, not a failure.
 */
final class SuspendSignal extends Error {
  private static final long serialVersionUID = 1L;

  private final transient List<Wait> waits;

  SuspendSignal(List<Wait> waits) {
    super("agent suspended waiting on " + waits, null, false, false);
    this.waits = List.copyOf(waits);
  }

  /** Every wait the agent now waits on, in journal order; at least one. */
  List<Wait> waits() {
    return waits;
  }
}
