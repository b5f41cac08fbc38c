package dev.agenttrace.llm;

/**
 * The runtime's port to tools: runs one tool call and returns its result (usually JSON text). An exception thrown
 * here is recorded on the tool span as an error and rethrown into the agent.
 */
@FunctionalInterface
public interface ToolExecutor {
  String execute(ToolCall call) throws Exception;
}
