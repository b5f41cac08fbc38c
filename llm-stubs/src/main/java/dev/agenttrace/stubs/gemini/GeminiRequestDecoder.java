package dev.agenttrace.stubs.gemini;

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
import java.util.List;

/**
 * Reads a Gemini {@code generateContent} request into a {@link ChatRequest}: the model from the URL path,
 * {@code systemInstruction}, {@code contents} of role {@code user} (text; {@code functionResponse} parts become a
 * {@code tool} message) and {@code model} ({@code text} and {@code functionCall} parts), {@code functionDeclarations}
 * ({@code parameters} or {@code parametersJsonSchema}), {@code generationConfig.temperature} and
 * {@code maxOutputTokens}. Field names are read in camelCase and in snake_case, as the REST API accepts both. A
 * function call without an {@code id} gets {@code <name>#<n>} (its position in the conversation).
 */
final class GeminiRequestDecoder {
  private GeminiRequestDecoder() {}

  static ChatRequest decode(String model, JsonNode body) {
    List<Message> messages = new ArrayList<>();
    JsonNode system = field(body, "systemInstruction", "system_instruction");
    List<MessagePart> systemParts = textParts(system.path("parts"));
    if (!systemParts.isEmpty()) {
      messages.add(new Message(Role.SYSTEM, systemParts));
    }
    int calls = 0;
    for (JsonNode content : body.path("contents")) {
      String role = content.path("role").asText("user");
      List<MessagePart> text = new ArrayList<>();
      List<MessagePart> toolParts = new ArrayList<>();
      for (JsonNode part : content.path("parts")) {
        JsonNode call = field(part, "functionCall", "function_call");
        JsonNode result = field(part, "functionResponse", "function_response");
        if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
          text.add(new TextPart(part.get("text").asText()));
        } else if (!call.isMissingNode()) {
          calls++;
          String name = call.path("name").asText();
          toolParts.add(new ToolCall(call.path("id").asText(name + "#" + calls), name, json(call.path("args"))));
        } else if (!result.isMissingNode()) {
          String name = result.path("name").asText();
          toolParts.add(new ToolResult(result.path("id").asText(name), name, json(result.path("response"))));
        }
      }
      switch (role) {
        case "model" -> {
          text.addAll(toolParts);
          messages.add(new Message(Role.ASSISTANT, text));
        }
        case "user", "function", "tool" -> {
          if (!toolParts.isEmpty()) {
            messages.add(new Message(Role.TOOL, toolParts));
          }
          if (!text.isEmpty()) {
            messages.add(new Message(Role.USER, text));
          }
        }
        default -> throw new IllegalArgumentException("Unknown content role '" + role + "' (user or model)");
      }
    }
    List<ToolDefinition> tools = new ArrayList<>();
    for (JsonNode tool : body.path("tools")) {
      for (JsonNode function : field(tool, "functionDeclarations", "function_declarations")) {
        JsonNode parameters = field(function, "parametersJsonSchema", "parameters_json_schema");
        if (parameters.isMissingNode()) {
          parameters = function.path("parameters");
        }
        tools.add(new ToolDefinition(function.path("name").asText(), function.path("description").asText(""),
            parameters.isMissingNode() || parameters.isNull() ? null : parameters.toString()));
      }
    }
    JsonNode config = field(body, "generationConfig", "generation_config");
    JsonNode maxTokens = field(config, "maxOutputTokens", "max_output_tokens");
    return new ChatRequest(model, messages, tools,
        config.path("temperature").isNumber() ? config.get("temperature").asDouble() : null,
        maxTokens.isNumber() ? maxTokens.asInt() : null);
  }

  private static JsonNode field(JsonNode node, String camel, String snake) {
    JsonNode value = node.path(camel);
    return value.isMissingNode() ? node.path(snake) : value;
  }

  private static String json(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? "{}" : node.toString();
  }

  private static List<MessagePart> textParts(JsonNode parts) {
    List<MessagePart> texts = new ArrayList<>();
    for (JsonNode part : parts) {
      if (part.path("text").isTextual()) {
        texts.add(new TextPart(part.get("text").asText()));
      }
    }
    return texts;
  }
}
