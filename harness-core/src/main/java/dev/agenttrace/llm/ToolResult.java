package dev.agenttrace.llm;

import java.util.Objects;

/**
 * The result of a tool call, sent back to the model ({@code {"type":"tool_call_response","id":...,"response":...}}).
 * {@code toolName} is kept beside the schema's id so stubs and assertions can match results by tool name.
 */
public record ToolResult(String callId, String toolName, String content) implements MessagePart {
  public ToolResult {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(toolName, "toolName");
    Objects.requireNonNull(content, "content");
  }
}
