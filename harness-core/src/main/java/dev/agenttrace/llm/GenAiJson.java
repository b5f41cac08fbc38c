package dev.agenttrace.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts messages, responses and tool definitions to and from the JSON of the OpenTelemetry GenAI message schema
 * ({@code gen_ai.input.messages}, {@code gen_ai.output.messages}, {@code gen_ai.tool.definitions}). Tool arguments
 * and results that are valid JSON are embedded as JSON values; anything else as a string.
 */
public final class GenAiJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GenAiJson() {}

  /** {@code gen_ai.input.messages} for a conversation. */
  public static String inputMessages(List<Message> messages) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Message message : messages) {
      array.add(messageNode(message));
    }
    return array.toString();
  }

  /** {@code gen_ai.output.messages} for a response: one assistant message with its finish reason. */
  public static String outputMessages(ChatResponse response) {
    ObjectNode node = messageNode(response.message());
    node.put("finish_reason", response.finishReason().wireValue());
    return MAPPER.createArrayNode().add(node).toString();
  }

  /** {@code gen_ai.tool.definitions} for the tools offered in a request. */
  public static String toolDefinitions(List<ToolDefinition> tools) {
    ArrayNode array = MAPPER.createArrayNode();
    for (ToolDefinition tool : tools) {
      ObjectNode node = array.addObject();
      node.put("type", "function");
      node.put("name", tool.name());
      node.put("description", tool.description());
      node.set("parameters", jsonOrText(tool.parametersSchema()));
    }
    return array.toString();
  }

  /** Parses {@code gen_ai.input.messages} or {@code gen_ai.output.messages}; parts of unknown type are skipped. */
  public static List<Message> parseMessages(String json) {
    JsonNode root = readTree(json, "gen_ai messages");
    if (!root.isArray()) {
      throw new IllegalArgumentException("Expected a JSON array of messages but got: " + abbreviate(json));
    }
    List<Message> messages = new ArrayList<>();
    for (JsonNode node : root) {
      Role role = Role.fromWireValue(node.path("role").asText("user"));
      List<MessagePart> parts = new ArrayList<>();
      for (JsonNode part : node.path("parts")) {
        MessagePart parsed = parsePart(part);
        if (parsed != null) {
          parts.add(parsed);
        }
      }
      messages.add(new Message(role, parts));
    }
    return List.copyOf(messages);
  }

  /** Parses {@code gen_ai.tool.definitions}. */
  public static List<ToolDefinition> parseToolDefinitions(String json) {
    JsonNode root = readTree(json, "gen_ai.tool.definitions");
    List<ToolDefinition> tools = new ArrayList<>();
    for (JsonNode node : root) {
      JsonNode parameters = node.path("parameters");
      tools.add(new ToolDefinition(
          node.path("name").asText(),
          node.path("description").asText(""),
          parameters.isMissingNode() ? null : parameters.toString()));
    }
    return List.copyOf(tools);
  }

  /** The finish reason of the first output message, or {@code null} when absent. */
  public static FinishReason parseFinishReason(String outputMessagesJson) {
    JsonNode root = readTree(outputMessagesJson, "gen_ai.output.messages");
    JsonNode reason = root.path(0).path("finish_reason");
    return reason.isTextual() ? FinishReason.fromWireValue(reason.asText()) : null;
  }

  /** Compact, canonical JSON text for {@code text} when it is JSON; {@code text} unchanged otherwise. */
  public static String normalize(String text) {
    JsonNode node = jsonOrText(text);
    return node.isTextual() ? node.asText() : node.toString();
  }

  private static ObjectNode messageNode(Message message) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("role", message.role().wireValue());
    ArrayNode parts = node.putArray("parts");
    for (MessagePart part : message.parts()) {
      ObjectNode partNode = parts.addObject();
      if (part instanceof TextPart text) {
        partNode.put("type", "text");
        partNode.put("content", text.content());
      } else if (part instanceof ToolCall call) {
        partNode.put("type", "tool_call");
        partNode.put("id", call.id());
        partNode.put("name", call.name());
        partNode.set("arguments", jsonOrText(call.arguments()));
      } else if (part instanceof ToolResult result) {
        partNode.put("type", "tool_call_response");
        partNode.put("id", result.callId());
        partNode.put("name", result.toolName());
        partNode.set("response", jsonOrText(result.content()));
      }
    }
    return node;
  }

  private static MessagePart parsePart(JsonNode part) {
    switch (part.path("type").asText()) {
      case "text":
        return new TextPart(part.path("content").asText(""));
      case "tool_call":
        return new ToolCall(part.path("id").asText(""), part.path("name").asText(""), valueText(part.path("arguments")));
      case "tool_call_response":
        return new ToolResult(part.path("id").asText(""), part.path("name").asText(""), valueText(part.path("response")));
      default:
        return null;
    }
  }

  private static String valueText(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return "";
    }
    return node.isTextual() ? node.asText() : node.toString();
  }

  private static JsonNode jsonOrText(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return MAPPER.readTree(trimmed);
      } catch (JsonProcessingException notJson) {
        // fall through: keep it as text
      }
    }
    return MAPPER.getNodeFactory().textNode(text);
  }

  private static JsonNode readTree(String json, String what) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Malformed " + what + " JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "… (" + text.length() + " chars)";
  }
}
