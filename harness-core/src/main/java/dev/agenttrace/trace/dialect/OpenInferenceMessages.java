package dev.agenttrace.trace.dialect;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code openinference_messages}: OpenInference's flattened message list ({@code llm.input_messages.0.message.role},
 * {@code ….message.content}, {@code ….message.contents.0.message_content.text},
 * {@code ….message.tool_calls.0.tool_call.function.name} / {@code .arguments} / {@code tool_call.id},
 * {@code ….message.tool_call_id}) as GenAI message JSON.
 */
final class OpenInferenceMessages implements SpanTransform {
  private final String prefix;
  private final String target;

  OpenInferenceMessages(TransformParams params) {
    this.prefix = params.required("from") + ".";
    this.target = params.required("to");
  }

  @Override
  public void apply(SpanRewrite span) {
    if (span.has(target)) {
      return;
    }
    Map<Integer, Fields> messages = new TreeMap<>();
    for (Map.Entry<String, Object> entry : span.originalValues().entrySet()) {
      String key = entry.getKey();
      if (!key.startsWith(prefix)) {
        continue;
      }
      String rest = key.substring(prefix.length());
      int dot = rest.indexOf('.');
      Integer index = FlatKeys.index(rest, dot);
      if (index == null || !rest.startsWith("message.", dot + 1)) {
        continue;
      }
      messages.computeIfAbsent(index, i -> new Fields())
          .put(rest.substring(dot + 1 + "message.".length()), AttributeValues.text(entry.getValue()));
    }
    if (messages.isEmpty()) {
      return;
    }
    Conversation conversation = new Conversation();
    messages.values().forEach(message -> message.appendTo(conversation));
    span.put(target, conversation.toJson());
  }

  /** The fields of one flattened message. */
  private static final class Fields {
    private final Map<String, String> plain = new TreeMap<>();
    private final Map<Integer, Map<String, String>> contents = new TreeMap<>();
    private final Map<Integer, Map<String, String>> toolCalls = new TreeMap<>();

    void put(String field, String value) {
      if (FlatKeys.nested(field, "contents.", contents, value) || FlatKeys.nested(field, "tool_calls.", toolCalls, value)) {
        return;
      }
      plain.put(field, value);
    }

    void appendTo(Conversation conversation) {
      conversation.message(ChatJson.role(plain.get("role")));
      String callId = plain.get("tool_call_id");
      if (callId != null) {
        conversation.toolResult(callId, plain.get("name"), plain.getOrDefault("content", ""));
      } else {
        conversation.text(plain.get("content"));
      }
      contents.values().forEach(content -> conversation.text(content.get("message_content.text")));
      toolCalls.values().forEach(call -> conversation.toolCall(call.get("tool_call.id"),
          call.get("tool_call.function.name"), call.get("tool_call.function.arguments")));
    }
  }
}
