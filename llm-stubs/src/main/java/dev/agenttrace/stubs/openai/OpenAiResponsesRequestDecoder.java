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
 * Reads an OpenAI Responses API request ({@code POST /v1/responses}) into a {@link ChatRequest}: {@code instructions}
 * (a system message), {@code input} as a string or as items ({@code message} with text content, {@code function_call},
 * {@code function_call_output}; reasoning and other items are skipped), {@code tools} of type {@code function},
 * {@code temperature} and {@code max_output_tokens}. The conversation of {@code previous_response_id} goes first.
 * Consecutive {@code function_call} items become one assistant message, as a model's parallel calls.
 */
final class OpenAiResponsesRequestDecoder {
  private OpenAiResponsesRequestDecoder() {}

  static ChatRequest decode(JsonNode body, List<Message> previous) {
    List<Message> messages = new ArrayList<>();
    JsonNode instructions = body.path("instructions");
    if (instructions.isTextual() && !instructions.asText().isEmpty()) {
      messages.add(new Message(Role.SYSTEM, List.of(new TextPart(instructions.asText()))));
    }
    messages.addAll(previous);
    Map<String, String> toolNamesByCallId = new HashMap<>();
    for (Message message : previous) {
      message.toolCalls().forEach(call -> toolNamesByCallId.put(call.id(), call.name()));
    }
    JsonNode input = body.path("input");
    if (input.isTextual()) {
      messages.add(Message.user(input.asText()));
    } else {
      for (JsonNode item : input) {
        add(messages, item, toolNamesByCallId);
      }
    }
    List<ToolDefinition> tools = new ArrayList<>();
    for (JsonNode tool : body.path("tools")) {
      if ("function".equals(tool.path("type").asText())) {
        JsonNode parameters = tool.path("parameters");
        tools.add(new ToolDefinition(tool.path("name").asText(), tool.path("description").asText(""),
            parameters.isMissingNode() || parameters.isNull() ? null : parameters.toString()));
      }
    }
    JsonNode maxTokens = body.path("max_output_tokens");
    return new ChatRequest(body.path("model").asText(), messages, tools,
        body.path("temperature").isNumber() ? body.get("temperature").asDouble() : null,
        maxTokens.isNumber() ? maxTokens.asInt() : null);
  }

  private static void add(List<Message> messages, JsonNode item, Map<String, String> toolNamesByCallId) {
    String type = item.path("type").asText(item.has("role") ? "message" : "");
    switch (type) {
      case "message" -> messages.add(new Message(role(item.path("role").asText()),
          OpenAiRequestDecoder.textParts(item.path("content"))));
      case "function_call" -> {
        String id = item.path("call_id").asText();
        String name = item.path("name").asText();
        toolNamesByCallId.put(id, name);
        ToolCall call = new ToolCall(id, name, item.path("arguments").asText(""));
        Message last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (last != null && last.role() == Role.ASSISTANT) {
          List<MessagePart> parts = new ArrayList<>(last.parts());
          parts.add(call);
          messages.set(messages.size() - 1, new Message(Role.ASSISTANT, parts));
        } else {
          messages.add(new Message(Role.ASSISTANT, List.of(call)));
        }
      }
      case "function_call_output" -> {
        String callId = item.path("call_id").asText();
        JsonNode output = item.path("output");
        String text = output.isTextual() ? output.asText() : String.join("\n", OpenAiRequestDecoder.texts(output));
        messages.add(new Message(Role.TOOL,
            List.of(new ToolResult(callId, toolNamesByCallId.getOrDefault(callId, ""), text))));
      }
      default -> {
        // reasoning, item_reference, built-in tool items: not part of the chat the script sees
      }
    }
  }

  private static Role role(String role) {
    return switch (role) {
      case "system", "developer" -> Role.SYSTEM;
      case "assistant" -> Role.ASSISTANT;
      case "user" -> Role.USER;
      default -> throw new IllegalArgumentException("Unknown input message role '" + role + "'");
    };
  }
}
