package dev.agenttrace.runtime;

/**
 * A replay asked for a different operation than the journal holds at that position: the agent is not
 * deterministic. Code outside {@link AgentContext} operations must make the same calls, in the same order, on every
 * run; move clocks, randomness and I/O into {@code ctx.now()}, {@code ctx.randomUuid()} or {@code ctx.step(...)}.
 */
public class NonDeterminismException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int position;
  private final String journaled;
  private final String requested;

  public NonDeterminismException(String executionId, int position, String journaled, String requested) {
    super("Non-deterministic replay of execution " + executionId + " at operation #" + position
        + ": the journal holds " + journaled + " but the agent now asks for " + requested + ".\n"
        + "On resume the agent re-runs from the top and must repeat the same operations in the same order. "
        + "Move clocks, randomness and I/O into ctx.now(), ctx.randomUuid() or ctx.step(...).");
    this.position = position;
    this.journaled = journaled;
    this.requested = requested;
  }

  /** The zero-based position of the diverging operation in the journal. */
  public int position() {
    return position;
  }

  /** The operation the journal holds at that position, e.g. {@code chat gpt-4o}. */
  public String journaledOperation() {
    return journaled;
  }

  /** The operation the replay asked for instead. */
  public String requestedOperation() {
    return requested;
  }
}
