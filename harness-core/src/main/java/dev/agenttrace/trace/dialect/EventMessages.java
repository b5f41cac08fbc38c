package dev.agenttrace.trace.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenttrace.llm.Role;
import dev.agenttrace.trace.SpanConventions;
import io.opentelemetry.sdk.trace.data.EventData;
import java.util.List;

/**
 * {@code event_messages}: the GenAI conventions before 1.37 recorded messages as span events —
 * {@code gen_ai.system.message}, {@code gen_ai.user.message}, {@code gen_ai.assistant.message} (with
 * {@code tool_calls}), {@code gen_ai.tool.message} (with the call {@code id}) and {@code gen_ai.choice} (the reply:
 * {@code message}, {@code finish_reason}). Their body fields are read from event attributes of the same name, or
 * from one JSON attribute {@code gen_ai.event.content} holding the body. Gives {@code gen_ai.input.messages},
 * {@code gen_ai.output.messages} and {@code gen_ai.response.finish_reasons}.
 */
final class EventMessages implements SpanTransform {
  static final String BODY_ATTRIBUTE = "gen_ai.event.content";

  EventMessages(TransformParams params) {
    // no parameters: the event names are the conventions'
  }

  @Override
  public void apply(SpanRewrite span) {
    Conversation input = new Conversation();
    Conversation output = new Conversation();
    String finishReason = null;
    for (EventData event : span.original().getEvents()) {
      JsonNode body = body(event);
      switch (event.getName()) {
        case "gen_ai.system.message" -> input.message(Role.SYSTEM).text(ChatJson.text(body.path("content")));
        case "gen_ai.user.message" -> input.message(Role.USER).text(ChatJson.text(body.path("content")));
        case "gen_ai.assistant.message" -> {
          input.message(Role.ASSISTANT).text(ChatJson.text(body.path("content")));
          ChatJson.appendToolCalls(body.path("tool_calls"), input);
        }
        case "gen_ai.tool.message" -> input.message(Role.TOOL).toolResult(ChatJson.text(body.path("id")),
            ChatJson.text(body.path("name")), ChatJson.text(body.path("content")));
        case "gen_ai.choice" -> {
          JsonNode message = body.path("message").isObject() ? body.path("message") : body;
          output.message(Role.ASSISTANT).text(ChatJson.text(message.path("content")));
          ChatJson.appendToolCalls(message.path("tool_calls"), output);
          finishReason = finishReason == null ? ChatJson.text(body.path("finish_reason")) : finishReason;
        }
        default -> { }
      }
    }
    if (!input.isEmpty()) {
      span.put(SpanConventions.GEN_AI_INPUT_MESSAGES.getKey(), input.toJson());
    }
    if (!output.isEmpty()) {
      span.put(SpanConventions.GEN_AI_OUTPUT_MESSAGES.getKey(), output.toJson());
    }
    FinishReasons.put(span, finishReason);
  }

  /** The event's body: the JSON of {@code gen_ai.event.content}, else its attributes (JSON text parsed). */
  private static JsonNode body(EventData event) {
    Object content = event.getAttributes().asMap().entrySet().stream()
        .filter(entry -> entry.getKey().getKey().equals(BODY_ATTRIBUTE)).map(entry -> entry.getValue())
        .findFirst().orElse(null);
    if (content != null) {
      JsonNode parsed = ChatJson.parse(AttributeValues.text(content)).orElse(null);
      if (parsed != null && parsed.isObject()) {
        return parsed;
      }
    }
    ObjectNode body = ChatJson.MAPPER.createObjectNode();
    event.getAttributes().forEach((key, value) -> {
      String text = AttributeValues.text(value);
      JsonNode json = value instanceof String && looksLikeJson(text) ? ChatJson.parse(text).orElse(null) : null;
      if (json != null) {
        body.set(key.getKey(), json);
      } else if (value instanceof List<?>) {
        body.set(key.getKey(), ChatJson.MAPPER.valueToTree(value));
      } else {
        body.put(key.getKey(), text);
      }
    });
    return body;
  }

  private static boolean looksLikeJson(String text) {
    String trimmed = text.strip();
    return trimmed.startsWith("{") || trimmed.startsWith("[");
  }
}
