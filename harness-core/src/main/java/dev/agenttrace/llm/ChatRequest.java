package dev.agenttrace.llm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A request to a chat model: the model name, the conversation so far, the tools offered, and optional sampling
 * parameters. Immutable; the {@code with...} methods return copies.
 */
public record ChatRequest(
    String model, List<Message> messages, List<ToolDefinition> tools, Double temperature, Integer maxTokens) {

  public ChatRequest {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("A chat request needs at least one message");
    }
  }

  public static ChatRequest of(String model, List<Message> messages) {
    return new ChatRequest(model, messages, List.of(), null, null);
  }

  public static ChatRequest of(String model, Message... messages) {
    return of(model, Arrays.asList(messages));
  }

  public ChatRequest withTools(ToolDefinition... toolDefinitions) {
    return withTools(Arrays.asList(toolDefinitions));
  }

  public ChatRequest withTools(List<ToolDefinition> toolDefinitions) {
    return new ChatRequest(model, messages, toolDefinitions, temperature, maxTokens);
  }

  public ChatRequest withTemperature(double value) {
    return new ChatRequest(model, messages, tools, value, maxTokens);
  }

  public ChatRequest withMaxTokens(int value) {
    return new ChatRequest(model, messages, tools, temperature, value);
  }

  /** A copy with {@code message} appended to the conversation. */
  public ChatRequest withMessage(Message message) {
    List<Message> copy = new ArrayList<>(messages);
    copy.add(message);
    return new ChatRequest(model, copy, tools, temperature, maxTokens);
  }

  /** The last message of the conversation. */
  public Message lastMessage() {
    return messages.get(messages.size() - 1);
  }

  /** The text of the last user message, or empty when the conversation has none. */
  public String lastUserText() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role() == Role.USER) {
        return messages.get(i).text();
      }
    }
    return "";
  }
}
