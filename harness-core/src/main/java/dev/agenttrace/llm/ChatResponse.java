package dev.agenttrace.llm;

import java.util.List;
import java.util.Objects;

/**
 * A chat model's reply: the response id and model, the assistant message (text and/or tool calls), why it
 * finished, and token usage.
 */
public record ChatResponse(String id, String model, Message message, FinishReason finishReason, Usage usage) {
  public ChatResponse {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(finishReason, "finishReason");
    usage = usage == null ? Usage.NONE : usage;
    if (message.role() != Role.ASSISTANT) {
      throw new IllegalArgumentException("A chat response carries an assistant message, not " + message.role());
    }
  }

  public String text() {
    return message.text();
  }

  public List<ToolCall> toolCalls() {
    return message.toolCalls();
  }

  public boolean hasToolCalls() {
    return !message.toolCalls().isEmpty();
  }
}
