package dev.agenttrace.stubs.anthropic;

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
 * Reads an Anthropic messages request into a {@link ChatRequest}: {@code system} (text or blocks), user and
 * assistant turns with {@code text}, {@code tool_use} (input object → JSON text) and {@code tool_result} blocks
 * (a user turn's tool results become a {@code tool} message, before its text if any), {@code tools} with
 * {@code input_schema}, {@code temperature}, {@code max_tokens}.
 */
final class AnthropicRequestDecoder {
  private AnthropicRequestDecoder() {}

  static ChatRequest decode(JsonNode body) {
    List<Message> messages = new ArrayList<>();
    List<MessagePart> system = new ArrayList<>();
    texts(body.path("system")).forEach(text -> system.add(new TextPart(text)));
    if (!system.isEmpty()) {
      messages.add(new Message(Role.SYSTEM, system));
    }
    Map<String, String> toolNamesById = new HashMap<>();
    for (JsonNode message : body.path("messages")) {
      turn(message, toolNamesById, messages);
    }
    List<ToolDefinition> tools = new ArrayList<>();
    for (JsonNode tool : body.path("tools")) {
      JsonNode schema = tool.path("input_schema");
      tools.add(new ToolDefinition(tool.path("name").asText(), tool.path("description").asText(""),
          schema.isMissingNode() ? null : schema.toString()));
    }
    return new ChatRequest(body.path("model").asText(), messages, tools,
        body.path("temperature").isNumber() ? body.get("temperature").asDouble() : null,
        body.path("max_tokens").isNumber() ? body.get("max_tokens").asInt() : null);
  }

  private static void turn(JsonNode message, Map<String, String> toolNamesById, List<Message> messages) {
    boolean assistant = "assistant".equals(message.path("role").asText());
    JsonNode content = message.path("content");
    if (content.isTextual()) {
      messages.add(new Message(assistant ? Role.ASSISTANT : Role.USER, List.of(new TextPart(content.asText()))));
      return;
    }
    List<MessagePart> parts = new ArrayList<>();
    List<MessagePart> results = new ArrayList<>();
    for (JsonNode block : content) {
      switch (block.path("type").asText()) {
        case "text" -> parts.add(new TextPart(block.path("text").asText()));
        case "tool_use" -> {
          String id = block.path("id").asText();
          toolNamesById.put(id, block.path("name").asText());
          parts.add(new ToolCall(id, block.path("name").asText(), block.path("input").toString()));
        }
        case "tool_result" -> {
          String id = block.path("tool_use_id").asText();
          results.add(new ToolResult(id, toolNamesById.getOrDefault(id, ""),
              String.join("\n", texts(block.path("content")))));
        }
        default -> {
          // images, documents, thinking ...: not part of the chat model
        }
      }
    }
    if (!results.isEmpty()) {
      messages.add(new Message(Role.TOOL, results));
    }
    if (!parts.isEmpty() || results.isEmpty()) {
      messages.add(new Message(assistant ? Role.ASSISTANT : Role.USER, parts));
    }
  }

  /** A string, or the {@code text} of each text block of an array. */
  private static List<String> texts(JsonNode content) {
    if (content.isTextual()) {
      return List.of(content.asText());
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode block : content) {
      if (block.path("text").isTextual()) {
        texts.add(block.get("text").asText());
      }
    }
    return texts;
  }
}
