package dev.agenttrace.trace.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenttrace.llm.Role;
import dev.agenttrace.trace.SpanConventions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gemini_request} and {@code gemini_response}: Google ADK records the model request and response as Gemini
 * JSON ({@code gcp.vertex.agent.llm_request} / {@code .llm_response}). The request's {@code contents} (text,
 * {@code functionCall}, {@code functionResponse} parts), {@code config.systemInstruction} and
 * {@code config.tools[].functionDeclarations} become {@code gen_ai.input.messages}, {@code gen_ai.tool.definitions}
 * and {@code gen_ai.request.model}; the response's {@code content}, {@code finishReason}, {@code usageMetadata} and
 * {@code modelVersion} become {@code gen_ai.output.messages}, finish reasons, usage and {@code gen_ai.response.model}.
 */
final class GeminiContents implements SpanTransform {
  private final Template from;
  private final boolean request;

  private GeminiContents(TransformParams params, boolean request) {
    this.from = params.template("from");
    this.request = request;
  }

  static GeminiContents request(TransformParams params) {
    return new GeminiContents(params, true);
  }

  static GeminiContents response(TransformParams params) {
    return new GeminiContents(params, false);
  }

  @Override
  public void apply(SpanRewrite span) {
    from.resolve(span).flatMap(span::text).flatMap(ChatJson::parse).filter(JsonNode::isObject)
        .ifPresent(json -> {
          if (request) {
            readRequest(span, json);
          } else {
            readResponse(span, json);
          }
        });
  }

  private static void readRequest(SpanRewrite span, JsonNode json) {
    span.put(SpanConventions.GEN_AI_REQUEST_MODEL.getKey(), ChatJson.text(json.path("model")));
    JsonNode config = json.path("config");
    Conversation conversation = new Conversation();
    JsonNode system = config.path("systemInstruction");
    if (system.isTextual()) {
      conversation.message(Role.SYSTEM).text(system.asText());
    } else if (system.isObject()) {
      conversation.message(Role.SYSTEM);
      appendParts(system.path("parts"), conversation);
    }
    for (JsonNode content : json.path("contents")) {
      appendContent(content, conversation);
    }
    if (!conversation.isEmpty()) {
      span.put(SpanConventions.GEN_AI_INPUT_MESSAGES.getKey(), conversation.toJson());
    }
    List<JsonNode> declarations = new ArrayList<>();
    for (JsonNode tool : config.path("tools")) {
      tool.path("functionDeclarations").forEach(declarations::add);
    }
    span.put(SpanConventions.GEN_AI_TOOL_DEFINITIONS.getKey(), ChatJson.toolDefinitions(declarations));
  }

  private static void readResponse(SpanRewrite span, JsonNode json) {
    JsonNode content = json.path("content");
    if (content.isObject()) {
      Conversation conversation = new Conversation();
      appendContent(content, conversation);
      span.put(SpanConventions.GEN_AI_OUTPUT_MESSAGES.getKey(), conversation.toJson());
    }
    FinishReasons.put(span, ChatJson.text(json.path("finishReason")));
    JsonNode usage = json.path("usageMetadata");
    if (usage.isObject()) {
      span.put(SpanConventions.GEN_AI_USAGE_INPUT_TOKENS.getKey(), ChatJson.text(usage.path("promptTokenCount")));
      span.put(SpanConventions.GEN_AI_USAGE_OUTPUT_TOKENS.getKey(),
          ChatJson.text(usage.path("candidatesTokenCount")));
    }
    span.put(SpanConventions.GEN_AI_RESPONSE_MODEL.getKey(), ChatJson.text(json.path("modelVersion")));
  }

  private static void appendContent(JsonNode content, Conversation conversation) {
    conversation.message(ChatJson.role(content.path("role").asText("user")));
    appendParts(content.path("parts"), conversation);
  }

  private static void appendParts(JsonNode parts, Conversation conversation) {
    for (JsonNode part : parts) {
      JsonNode call = part.path("functionCall");
      JsonNode response = part.path("functionResponse");
      if (call.isObject()) {
        conversation.toolCall(ChatJson.text(call.path("id")), ChatJson.text(call.path("name")),
            ChatJson.text(call.path("args")));
      } else if (response.isObject()) {
        conversation.toolResult(ChatJson.text(response.path("id")), ChatJson.text(response.path("name")),
            ChatJson.text(response.path("response")));
      } else {
        conversation.text(ChatJson.text(part.path("text")));
      }
    }
  }
}
