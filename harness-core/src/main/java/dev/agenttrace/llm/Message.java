package dev.agenttrace.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** One chat message: a role and its parts (text, tool calls, tool results). Immutable. */
public record Message(Role role, List<MessagePart> parts) {
  public Message {
    Objects.requireNonNull(role, "role");
    parts = List.copyOf(parts);
  }

  public static Message system(String text) {
    return new Message(Role.SYSTEM, List.of(new TextPart(text)));
  }

  public static Message user(String text) {
    return new Message(Role.USER, List.of(new TextPart(text)));
  }

  public static Message assistant(String text) {
    return new Message(Role.ASSISTANT, List.of(new TextPart(text)));
  }

  /** An assistant turn that requests tool calls, optionally preceded by text. */
  public static Message assistant(String text, List<ToolCall> toolCalls) {
    List<MessagePart> parts = new ArrayList<>();
    if (text != null && !text.isEmpty()) {
      parts.add(new TextPart(text));
    }
    parts.addAll(toolCalls);
    return new Message(Role.ASSISTANT, parts);
  }

  /** A tool turn carrying the result of {@code call}. */
  public static Message toolResult(ToolCall call, String result) {
    return new Message(Role.TOOL, List.of(new ToolResult(call.id(), call.name(), result)));
  }

  /** The text parts joined with newlines; empty when the message has none. */
  public String text() {
    return parts.stream()
        .filter(TextPart.class::isInstance)
        .map(part -> ((TextPart) part).content())
        .collect(Collectors.joining("\n"));
  }

  public List<ToolCall> toolCalls() {
    return parts.stream().filter(ToolCall.class::isInstance).map(ToolCall.class::cast).toList();
  }

  public List<ToolResult> toolResults() {
    return parts.stream().filter(ToolResult.class::isInstance).map(ToolResult.class::cast).toList();
  }
}
