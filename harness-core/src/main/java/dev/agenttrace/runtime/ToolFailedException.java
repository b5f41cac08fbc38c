package dev.agenttrace.runtime;

/**
 * Thrown into the agent by {@link AgentContext#callTools} when a tool threw. The tool span records the original
 * error (type, message, stack trace); this exception carries the same facts, and the original as its cause when the
 * run has not been restarted since.
 */
public class ToolFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String toolName;
  private final String callId;
  private final String errorType;

  public ToolFailedException(String toolName, String callId, String errorType, String message, Throwable cause) {
    super("Tool '" + toolName + "' (call " + callId + ") failed with " + errorType + ": " + message, cause);
    this.toolName = toolName;
    this.callId = callId;
    this.errorType = errorType;
  }

  public String toolName() {
    return toolName;
  }

  public String callId() {
    return callId;
  }

  /** The type of the error the tool threw (its class name). */
  public String errorType() {
    return errorType;
  }
}
