package dev.agenttrace.runtime;

/** Where an {@link AgentRun} stands between driver calls. */
public enum RunStatus {
  /** Paused in a wait; {@link AgentRun#waitingOn()} says on what. */
  WAITING,
  /** The agent returned; {@link AgentRun#output()} holds the result. */
  COMPLETED,
  /** The agent threw (or replay diverged); {@link AgentRun#failure()} holds the cause. */
  FAILED,
  /** The process died mid-segment (a simulated {@link Crash}); {@link AgentRun#recover()} continues it. */
  CRASHED
}
