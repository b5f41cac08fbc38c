package dev.agenttrace.runtime;

/**
 * What the agent gets (as the cause type of a {@link ToolFailedException}) for a non-idempotent tool that was
 * running when the process crashed: the runtime cannot know whether it took effect, and never runs it a second time.
 * Mark tools non-idempotent through {@link dev.agenttrace.llm.ToolExecutor#isIdempotent}.
 */
public class ToolOutcomeUnknownException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ToolOutcomeUnknownException(String toolName, String callId) {
    super("The process crashed while non-idempotent tool '" + toolName + "' (call " + callId + ") was running; "
        + "it is not run again because it may already have taken effect. Check its effect, or mark it idempotent "
        + "if running it twice is safe.");
  }
}
