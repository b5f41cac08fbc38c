package dev.agenttrace.trace.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.agenttrace.llm.Role;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the chat message shapes that foreign instrumentations put in JSON (OpenAI chat and Responses items,
 * Anthropic content blocks, Gemini contents, the durable runtime's session items) into a {@link Conversation}, and
 * offers the small JSON helpers the transforms share. Lenient: an unknown shape is skipped, never an error.
 */
final class ChatJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ChatJson() {}

  /** {@code text} parsed as JSON; empty when it is not JSON. */
  static Optional<JsonNode> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.readTree(text));
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }

  /** A JSON value as attribute text: strings as they are, anything else as compact JSON; {@code null} if missing. */
  static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    return node.isTextual() ? node.asText() : node.toString();
  }

  /** The first of {@code fields} that {@code node} has, as a node; missing node when none. */
  static JsonNode first(JsonNode node, String... fields) {
    for (String field : fields) {
      JsonNode value = node.path(field);
      if (!value.isMissingNode() && !value.isNull()) {
        return value;
      }
    }
    return node.path(fields[fields.length - 1]);
  }

  /** Maps the role spellings of the dialects to GenAI roles ({@code model} → assistant, {@code developer} → system). */
  static Role role(String value) {
    switch (value == null ? "" : value.toLowerCase(Locale.ROOT)) {
      case "system", "developer":
        return Role.SYSTEM;
      case "assistant", "model", "ai":
        return Role.ASSISTANT;
      case "tool", "function", "ipython":
        return Role.TOOL;
      default:
        return Role.USER;
    }
  }

  /** Appends the messages of a JSON array of chat messages (OpenAI, Anthropic or session-item shaped). */
  static void appendMessages(JsonNode messages, Conversation conversation) {
    if (!messages.isArray()) {
      return;
    }
    for (JsonNode message : messages) {
      appendMessage(message, conversation);
    }
  }

  /** Appends one chat message, or one session item ({@code function_call} / {@code function_call_output}). */
  static void appendMessage(JsonNode message, Conversation conversation) {
    String type = message.path("type").asText("");
    if (type.equals("function_call")) {
      if (conversation.lastRole() != Role.ASSISTANT) {
        conversation.message(Role.ASSISTANT);
      }
      conversation.toolCall(text(first(message, "call_id", "id")), text(message.path("name")),
          text(first(message, "arguments", "input")));
      return;
    }
    if (type.equals("function_call_output")) {
      conversation.message(Role.TOOL)
          .toolResult(text(first(message, "call_id", "id")), text(message.path("name")),
              text(message.path("output")));
      return;
    }
    Role role = role(message.path("role").asText("user"));
    conversation.message(role);
    JsonNode content = first(message, "content", "parts");
    if (role == Role.TOOL && !message.path("tool_call_id").isMissingNode()) {
      conversation.toolResult(text(message.path("tool_call_id")), text(message.path("name")), contentText(content));
    } else if (content.isTextual()) {
      conversation.text(content.asText());
    } else if (content.isArray()) {
      appendBlocks(content, conversation);
    }
    appendToolCalls(message.path("tool_calls"), conversation);
  }

  /** Appends tool calls given as OpenAI ({@code function.name/arguments}) or flat ({@code name/arguments}) items. */
  static void appendToolCalls(JsonNode toolCalls, Conversation conversation) {
    if (!toolCalls.isArray()) {
      return;
    }
    for (JsonNode call : toolCalls) {
      JsonNode function = call.path("function");
      JsonNode source = function.isObject() ? function : call;
      conversation.toolCall(text(first(call, "id", "call_id", "tool_call_id")), text(source.path("name")),
          text(first(source, "arguments", "input", "args")));
    }
  }

  private static void appendBlocks(JsonNode blocks, Conversation conversation) {
    for (JsonNode block : blocks) {
      if (block.isTextual()) {
        conversation.text(block.asText());
        continue;
      }
      switch (block.path("type").asText("text")) {
        case "tool_use", "tool_call", "function_call" -> conversation.toolCall(
            text(first(block, "id", "call_id")), text(block.path("name")),
            text(first(block, "input", "arguments")));
        case "tool_result", "tool_call_response", "function_call_output" -> conversation.toolResult(
            text(first(block, "tool_use_id", "id", "call_id")), text(block.path("name")),
            contentText(first(block, "content", "response", "output")));
        default -> conversation.text(text(first(block, "text", "content")));
      }
    }
  }

  /** A tool result's content: text blocks joined, else the JSON as text. */
  private static String contentText(JsonNode content) {
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode block : content) {
        String part = block.isTextual() ? block.asText() : text(block.path("text"));
        if (part != null) {
          text.append(part);
        }
      }
      return text.toString();
    }
    return text(content);
  }

  /** A JSON array of tool definitions as {@code gen_ai.tool.definitions} (name, description, parameters). */
  static String toolDefinitions(Iterable<JsonNode> definitions) {
    ArrayNode tools = MAPPER.createArrayNode();
    for (JsonNode definition : definitions) {
      JsonNode function = definition.path("function").isObject() ? definition.path("function") : definition;
      String name = text(function.path("name"));
      if (name == null) {
        continue;
      }
      var tool = tools.addObject();
      tool.put("type", "function");
      tool.put("name", name);
      tool.put("description", function.path("description").asText(""));
      JsonNode parameters = first(function, "parameters", "input_schema", "inputSchema");
      if (!parameters.isMissingNode()) {
        tool.set("parameters", parameters);
      }
    }
    return tools.isEmpty() ? null : tools.toString();
  }
}
