package dev.agenttrace.trace.dialect;

import dev.agenttrace.llm.GenAiJson;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.MessagePart;
import dev.agenttrace.llm.Role;
import dev.agenttrace.llm.TextPart;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages collected from a dialect's own message shapes, written as the GenAI JSON message schema. Consecutive
 * parts of one role may be appended one by one; a tool result that names only its call id gets the tool name of the
 * call it answers, and a message of tool results only (Anthropic sends them as {@code user}) gets the {@code tool}
 * role, as AgentTrace's own messages carry them.
 */
final class Conversation {
  private final List<Role> roles = new ArrayList<>();
  private final List<List<MessagePart>> parts = new ArrayList<>();

  /** Starts a new message. */
  Conversation message(Role role) {
    roles.add(role);
    parts.add(new ArrayList<>());
    return this;
  }

  Conversation text(String text) {
    if (text != null && !text.isEmpty()) {
      current().add(new TextPart(text));
    }
    return this;
  }

  Conversation toolCall(String id, String name, String arguments) {
    current().add(new ToolCall(id == null ? "" : id, name == null ? "" : name, arguments));
    return this;
  }

  Conversation toolResult(String callId, String name, String content) {
    current().add(new ToolResult(callId == null ? "" : callId, name == null ? "" : name,
        content == null ? "" : content));
    return this;
  }

  boolean isEmpty() {
    return roles.isEmpty();
  }

  /** The last message's role, or {@code null} before the first message. */
  Role lastRole() {
    return roles.isEmpty() ? null : roles.get(roles.size() - 1);
  }

  /** The messages, tool results named after the calls they answer. */
  List<Message> messages() {
    Map<String, String> toolNameByCallId = new HashMap<>();
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < roles.size(); i++) {
      List<MessagePart> named = new ArrayList<>();
      for (MessagePart part : parts.get(i)) {
        if (part instanceof ToolCall call) {
          toolNameByCallId.put(call.id(), call.name());
          named.add(call);
        } else if (part instanceof ToolResult result && result.toolName().isEmpty()) {
          named.add(new ToolResult(result.callId(), toolNameByCallId.getOrDefault(result.callId(), ""),
              result.content()));
        } else {
          named.add(part);
        }
      }
      Role role = roles.get(i);
      boolean onlyResults = !named.isEmpty() && named.stream().allMatch(ToolResult.class::isInstance);
      messages.add(new Message(onlyResults ? Role.TOOL : role, named));
    }
    return messages;
  }

  /** {@code gen_ai.input.messages} / {@code gen_ai.output.messages} JSON. */
  String toJson() {
    return GenAiJson.inputMessages(messages());
  }

  private List<MessagePart> current() {
    if (parts.isEmpty()) {
      message(Role.USER);
    }
    return parts.get(parts.size() - 1);
  }
}
