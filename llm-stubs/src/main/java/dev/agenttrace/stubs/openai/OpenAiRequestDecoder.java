package dev.agenttrace.stubs.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.MessagePart;
import dev.agenttrace.llm.Role;
import dev.agenttrace.llm.TextPart;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.llm.ToolResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an OpenAI chat completions request into a {@link ChatRequest}: {@code system}/{@code developer},
 * {@code user}, {@code assistant} (with {@code tool_calls}) and {@code tool} messages, {@code tools} of type
 * {@code function}, {@code temperature}, {@code max_tokens}/{@code max_completion_tokens}. A tool result gets the
 * tool's name from the assistant call it answers.
 */
final class OpenAiRequestDecoder {
  private OpenAiRequestDecoder() {}

  static ChatRequest decode(JsonNode body) {
    Map<String, String> toolNamesByCallId = new HashMap<>();
    List<Message> messages = new ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      messages.add(message(message, toolNamesByCallId));
    }
    List<ToolDefinition> tools = new ArrayList<>();
    for (JsonNode tool : body.path("tools")) {
      JsonNode function = tool.path("function");
      JsonNode parameters = function.path("parameters");
      tools.add(new ToolDefinition(function.path("name").asText(), function.path("description").asText(""),
          parameters.isMissingNode() ? null : parameters.toString()));
    }
    JsonNode maxTokens = body.has("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
    return new ChatRequest(body.path("model").asText(), messages, tools,
        body.path("temperature").isNumber() ? body.get("temperature").asDouble() : null,
        maxTokens != null && maxTokens.isNumber() ? maxTokens.asInt() : null);
  }

  private static Message message(JsonNode message, Map<String, String> toolNamesByCallId) {
    String role = message.path("role").asText();
    switch (role) {
      case "system", "developer":
        return new Message(Role.SYSTEM, textParts(message.path("content")));
      case "user":
        return new Message(Role.USER, textParts(message.path("content")));
      case "assistant": {
        List<MessagePart> parts = new ArrayList<>(textParts(message.path("content")));
        for (JsonNode call : message.path("tool_calls")) {
          String id = call.path("id").asText();
          String name = call.path("function").path("name").asText();
          toolNamesByCallId.put(id, name);
          parts.add(new ToolCall(id, name, call.path("function").path("arguments").asText("")));
        }
        return new Message(Role.ASSISTANT, parts);
      }
      case "tool": {
        String callId = message.path("tool_call_id").asText();
        String content = String.join("\n", texts(message.path("content")));
        return new Message(Role.TOOL,
            List.of(new ToolResult(callId, toolNamesByCallId.getOrDefault(callId, ""), content)));
      }
      default:
        throw new IllegalArgumentException("Unknown message role '" + role + "'");
    }
  }

  static List<MessagePart> textParts(JsonNode content) {
    List<MessagePart> parts = new ArrayList<>();
    texts(content).forEach(text -> parts.add(new TextPart(text)));
    return parts;
  }

  /** A string content, or the {@code text} of each text part of an array content (also Responses API parts). */
  static List<String> texts(JsonNode content) {
    if (content.isTextual()) {
      return content.asText().isEmpty() ? List.of() : List.of(content.asText());
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode part : content) {
      if (part.path("text").isTextual()) {
        texts.add(part.get("text").asText());
      }
    }
    return texts;
  }
}
