package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolDefinition;

/** Requests the tests send to stubs. */
final class Conversations {
  static final ToolDefinition GET_WEATHER = ToolDefinition.of("get_weather", "Current weather", null);
  static final ToolDefinition GET_TIME = ToolDefinition.of("get_time", "Current time", null);

  private Conversations() {}

  static ChatRequest user(String text) {
    return ChatRequest.of("gpt-4o", Message.user(text)).withTools(GET_WEATHER);
  }

  static ChatRequest afterToolResult(String question, String toolName, String result) {
    ToolCall call = new ToolCall("call_9", toolName, "{\"city\":\"Paris\"}");
    return ChatRequest.of("gpt-4o", Message.user(question), Message.assistant(null, java.util.List.of(call)),
        Message.toolResult(call, result)).withTools(GET_WEATHER);
  }
}
