package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.MessagePart;
import dev.agenttrace.llm.TextPart;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.llm.ToolResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One-line renderings of messages and tool calls for failure messages:
 * {@code role: text / tool_call name(args) / tool_result name → content}, each value abbreviated by {@link Text}.
 */
final class ConversationText {
  private ConversationText() {}

  static String message(Message message) {
    String parts = message.parts().stream().map(ConversationText::part).collect(Collectors.joining(" / "));
    return message.role().wireValue() + ": " + (parts.isEmpty() ? "(no content)" : parts);
  }

  static String part(MessagePart part) {
    if (part instanceof TextPart text) {
      return Text.abbreviate(text.content());
    } else if (part instanceof ToolCall call) {
      return "tool_call " + toolCall(call);
    } else {
      ToolResult result = (ToolResult) part;
      return "tool_result " + result.toolName() + " → " + Text.abbreviate(result.content());
    }
  }

  /** {@code name(arguments)}. */
  static String toolCall(ToolCall call) {
    return call.name() + "(" + Text.abbreviate(call.arguments()) + ")";
  }

  static String toolNames(ChatRequest request) {
    return toolNames(request.tools().stream().map(ToolDefinition::name).toList());
  }

  static String toolNames(List<String> names) {
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }
}
