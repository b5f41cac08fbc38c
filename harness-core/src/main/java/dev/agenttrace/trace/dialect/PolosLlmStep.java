package dev.agenttrace.trace.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenttrace.llm.Role;
import dev.agenttrace.trace.SpanConventions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code durable_llm_step}: the durable runtime of the product brief (Polos) records an LLM call as a step
 * ({@code step.llm_generate:<n>}) whose JSON input holds the request ({@code kwargs.messages}, {@code kwargs.model},
 * {@code kwargs.tools}, {@code kwargs.tool_results}, {@code kwargs.system}, {@code kwargs.agent_config.provider /
 * model / system_prompt / tools}) and whose JSON output is the response ({@code content}, {@code tool_calls},
 * {@code usage.input_tokens / output_tokens}, {@code model}, {@code stop_reason}). Gives the model, provider,
 * messages, tool definitions, finish reason and usage of an LLM call.
 */
final class PolosLlmStep implements SpanTransform {
  private final Template input;
  private final Template output;

  PolosLlmStep(TransformParams params) {
    this.input = params.template("input");
    this.output = params.template("output");
  }

  @Override
  public void apply(SpanRewrite span) {
    input.resolve(span).flatMap(span::text).flatMap(ChatJson::parse).ifPresent(json -> readInput(span, json));
    output.resolve(span).flatMap(span::text).flatMap(ChatJson::parse).ifPresent(json -> readOutput(span, json));
  }

  private static void readInput(SpanRewrite span, JsonNode json) {
    JsonNode kwargs = json.has("kwargs") ? json.path("kwargs") : json;
    JsonNode config = kwargs.path("agent_config");
    span.put(SpanConventions.GEN_AI_REQUEST_MODEL.getKey(), ChatJson.text(ChatJson.first(kwargs, "model")));
    span.put(SpanConventions.GEN_AI_REQUEST_MODEL.getKey(), ChatJson.text(config.path("model")));
    span.put(SpanConventions.GEN_AI_PROVIDER_NAME.getKey(), ChatJson.text(config.path("provider")));
    Conversation conversation = new Conversation();
    JsonNode messages = kwargs.path("messages");
    boolean hasSystem = messages.path(0).path("role").asText("").equals("system");
    String system = ChatJson.text(ChatJson.first(kwargs, "system", "system_prompt"));
    system = system != null ? system : ChatJson.text(config.path("system_prompt"));
    if (!hasSystem && system != null) {
      conversation.message(Role.SYSTEM).text(system);
    }
    ChatJson.appendMessages(messages, conversation);
    ChatJson.appendMessages(kwargs.path("tool_results"), conversation);
    if (!conversation.isEmpty()) {
      span.put(SpanConventions.GEN_AI_INPUT_MESSAGES.getKey(), conversation.toJson());
    }
    JsonNode tools = kwargs.path("tools").isArray() ? kwargs.path("tools") : config.path("tools");
    List<JsonNode> definitions = new ArrayList<>();
    tools.forEach(definitions::add);
    span.put(SpanConventions.GEN_AI_TOOL_DEFINITIONS.getKey(), ChatJson.toolDefinitions(definitions));
  }

  private static void readOutput(SpanRewrite span, JsonNode json) {
    Conversation conversation = new Conversation();
    JsonNode content = json.path("content");
    if (content.isArray() && json instanceof ObjectNode response) {
      ObjectNode message = response.deepCopy();
      message.put("role", "assistant");
      ChatJson.appendMessage(message, conversation);
    } else {
      conversation.message(Role.ASSISTANT).text(ChatJson.text(content));
      ChatJson.appendToolCalls(json.path("tool_calls"), conversation);
    }
    span.put(SpanConventions.GEN_AI_OUTPUT_MESSAGES.getKey(), conversation.toJson());
    span.put(SpanConventions.GEN_AI_RESPONSE_MODEL.getKey(), ChatJson.text(json.path("model")));
    FinishReasons.put(span, ChatJson.text(json.path("stop_reason")));
    JsonNode usage = json.path("usage");
    span.put(SpanConventions.GEN_AI_USAGE_INPUT_TOKENS.getKey(),
        ChatJson.text(ChatJson.first(usage, "input_tokens", "prompt_tokens")));
    span.put(SpanConventions.GEN_AI_USAGE_OUTPUT_TOKENS.getKey(),
        ChatJson.text(ChatJson.first(usage, "output_tokens", "completion_tokens")));
  }
}
