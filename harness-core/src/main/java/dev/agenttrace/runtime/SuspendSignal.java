package dev.agenttrace.runtime;

/**
 * Unwinds the agent out of its current segment when it enters a wait. An {@link Error} so that agent code catching
 * {@code Exception} cannot swallow it; carries no stack trace because it is control flow, not a failure.
 */
final class SuspendSignal extends Error {
  private static final long serialVersionUID = 1L;

  private final transient Wait wait;

  SuspendSignal(Wait wait) {
    super("agent suspended waiting on " + wait, null, false, false);
    this.wait = wait;
  }

  Wait waitingOn() {
    return wait;
  }
}
