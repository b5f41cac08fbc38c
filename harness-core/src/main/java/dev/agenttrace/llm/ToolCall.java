package dev.agenttrace.llm;

import java.util.Objects;

/**
 * A tool call requested by the model: the call id that ties the request to its result, the tool name and the
 * arguments as a JSON text ({@code {"type":"tool_call","id":...,"name":...,"arguments":...}}).
 */
public record ToolCall(String id, String name, String arguments) implements MessagePart {
  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
  }
}
