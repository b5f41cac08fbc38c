package dev.agenttrace.llm;

/**
 * The runtime's port to tools: runs one tool call and returns its result (usually JSON text). An exception thrown
 * here is recorded on the tool span as an error and rethrown into the agent.
 */
@FunctionalInterface
public interface ToolExecutor {
  String execute(ToolCall call) throws Exception;

  /**
   * Whether running this tool twice is safe. A durable runtime that crashed while a tool was running runs an
   * idempotent tool again, but never a non-idempotent one (it reports the outcome as unknown instead). All tools are
   * idempotent unless an implementation says otherwise.
   */
  default boolean isIdempotent(String toolName) {
    return true;
  }
}
