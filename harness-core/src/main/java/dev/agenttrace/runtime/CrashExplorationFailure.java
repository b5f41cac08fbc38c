package dev.agenttrace.runtime;

/**
 * Thrown by {@link CrashExploration#run()} when some crash point did not recover exactly once. The message names
 * each failing point and what differed, and shows the uncrashed and the crashed trace; {@link #result()} has both
 * traces for reports (the {@code @AgentTest} extension writes one HTML report per trace).
 */
public class CrashExplorationFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient CrashExplorationResult result;

  public CrashExplorationFailure(CrashExplorationResult result) {
    super(result.describe());
    this.result = result;
  }

  public CrashExplorationResult result() {
    return result;
  }
}
