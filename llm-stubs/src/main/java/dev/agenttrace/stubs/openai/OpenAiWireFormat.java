package dev.agenttrace.stubs.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.stubs.http.SseEvents;
import dev.agenttrace.stubs.http.TextPieces;
import dev.agenttrace.stubs.http.WireFormat;
import java.util.List;

/**
 * OpenAI chat completions on the wire: {@code chat.completion} bodies (tool call arguments as a JSON string),
 * {@code chat.completion.chunk} streams (text deltas, tool call deltas by index, the usage chunk when
 * {@code stream_options.include_usage} is set, {@code [DONE]}) and {@code {"error":{...}}} error bodies.
 */
final class OpenAiWireFormat implements WireFormat {
  /** A fixed {@code created} timestamp keeps responses (and cassettes) stable. */
  static final long CREATED = 1_700_000_000L;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String providerName() {
    return "openai";
  }

  @Override
  public String chatPathRegex() {
    return "(/v1)?/chat/completions";
  }

  @Override
  public String baseUrlSuffix() {
    return "/v1";
  }

  @Override
  public ChatRequest decode(String path, JsonNode body) {
    return OpenAiRequestDecoder.decode(body);
  }

  @Override
  public boolean isStreaming(String path, JsonNode body) {
    return body.path("stream").asBoolean(false);
  }

  @Override
  public String responseBody(ChatResponse response) {
    ObjectNode root = header(response, "chat.completion");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    String text = response.text();
    if (text.isEmpty() && response.hasToolCalls()) {
      message.putNull("content");
    } else {
      message.put("content", text);
    }
    message.putNull("refusal");
    if (response.hasToolCalls()) {
      ArrayNode calls = message.putArray("tool_calls");
      for (ToolCall call : response.toolCalls()) {
        ObjectNode node = calls.addObject();
        node.put("id", call.id());
        node.put("type", "function");
        node.putObject("function").put("name", call.name()).put("arguments", call.arguments());
      }
    }
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason(response.finishReason()));
    root.set("usage", usage(response.usage()));
    return root.toString();
  }

  @Override
  public String streamEvents(ChatResponse response, JsonNode requestBody, boolean complete) {
    SseEvents events = new SseEvents();
    events.data(chunk(response, MAPPER.createObjectNode().put("role", "assistant").put("content", ""), null));
    for (String piece : TextPieces.split(response.text())) {
      events.data(chunk(response, MAPPER.createObjectNode().put("content", piece), null));
    }
    List<ToolCall> calls = response.toolCalls();
    for (int index = 0; index < calls.size(); index++) {
      ToolCall call = calls.get(index);
      ObjectNode first = MAPPER.createObjectNode();
      ObjectNode firstCall = first.putArray("tool_calls").addObject().put("index", index).put("id", call.id())
          .put("type", "function");
      firstCall.putObject("function").put("name", call.name()).put("arguments", "");
      events.data(chunk(response, first, null));
      for (String piece : TextPieces.halves(call.arguments())) {
        ObjectNode delta = MAPPER.createObjectNode();
        delta.putArray("tool_calls").addObject().put("index", index).putObject("function").put("arguments", piece);
        events.data(chunk(response, delta, null));
      }
    }
    if (!complete) {
      return events.toString();
    }
    events.data(chunk(response, MAPPER.createObjectNode(), finishReason(response.finishReason())));
    if (requestBody.path("stream_options").path("include_usage").asBoolean(false)) {
      ObjectNode usageChunk = header(response, "chat.completion.chunk");
      usageChunk.putArray("choices");
      usageChunk.set("usage", usage(response.usage()));
      events.data(usageChunk.toString());
    }
    return events.data("[DONE]").toString();
  }

  @Override
  public String streamErrorEvent(LlmException error) {
    return new SseEvents().data(errorNode(error).toString()).toString();
  }

  @Override
  public String errorBody(int status, LlmException error) {
    return errorNode(error).toString();
  }

  static ObjectNode errorNode(LlmException error) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode node = root.putObject("error");
    node.put("message", error.getMessage());
    node.put("type", error.statusCode() == 429 ? "requests" : error.errorType());
    node.putNull("param");
    node.put("code", error.errorType());
    return root;
  }

  private static String chunk(ChatResponse response, ObjectNode delta, String finishReason) {
    ObjectNode root = header(response, "chat.completion.chunk");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return root.toString();
  }

  private static ObjectNode header(ChatResponse response, String object) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", response.id());
    root.put("object", object);
    root.put("created", CREATED);
    root.put("model", response.model());
    return root;
  }

  private static ObjectNode usage(Usage usage) {
    return MAPPER.createObjectNode().put("prompt_tokens", usage.inputTokens())
        .put("completion_tokens", usage.outputTokens()).put("total_tokens", usage.totalTokens());
  }

  static String finishReason(FinishReason reason) {
    switch (reason) {
      case TOOL_CALL:
        return "tool_calls";
      case LENGTH:
        return "length";
      case CONTENT_FILTER:
        return "content_filter";
      default:
        return "stop";
    }
  }
}
