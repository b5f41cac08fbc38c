package dev.agenttrace.stubs.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.stubs.http.SseEvents;
import dev.agenttrace.stubs.http.TextPieces;
import dev.agenttrace.stubs.http.WireFormat;

/**
 * Anthropic messages on the wire: {@code message} bodies with {@code text} and {@code tool_use} blocks (input as an
 * object), {@code stop_reason} and usage; streams of named events ({@code message_start},
 * {@code content_block_start/delta/stop} with {@code text_delta} and {@code input_json_delta}, {@code ping},
 * {@code message_delta}, {@code message_stop}); {@code error} events and {@code {"type":"error",...}} bodies.
 */
final class AnthropicWireFormat implements WireFormat {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String providerName() {
    return "anthropic";
  }

  @Override
  public String chatPathRegex() {
    return "(/v1)?/messages";
  }

  @Override
  public String baseUrlSuffix() {
    return "";
  }

  @Override
  public ChatRequest decode(String path, JsonNode body) {
    return AnthropicRequestDecoder.decode(body);
  }

  @Override
  public int overloadedStatus() {
    return 529;
  }

  @Override
  public boolean isStreaming(String path, JsonNode body) {
    return body.path("stream").asBoolean(false);
  }

  @Override
  public String responseBody(ChatResponse response) {
    ObjectNode root = message(response);
    ArrayNode content = root.putArray("content");
    if (!response.text().isEmpty()) {
      content.addObject().put("type", "text").put("text", response.text());
    }
    for (ToolCall call : response.toolCalls()) {
      content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
          .set("input", input(call.arguments()));
    }
    root.put("stop_reason", stopReason(response.finishReason()));
    root.set("usage", MAPPER.createObjectNode().put("input_tokens", response.usage().inputTokens())
        .put("output_tokens", response.usage().outputTokens()));
    return root.toString();
  }

  @Override
  public String streamEvents(ChatResponse response, JsonNode requestBody, boolean complete) {
    SseEvents events = new SseEvents();
    ObjectNode start = MAPPER.createObjectNode().put("type", "message_start");
    ObjectNode message = message(response);
    message.putArray("content");
    message.putNull("stop_reason");
    message.set("usage", MAPPER.createObjectNode().put("input_tokens", response.usage().inputTokens())
        .put("output_tokens", 1));
    start.set("message", message);
    events.event("message_start", start.toString());
    int index = 0;
    if (!response.text().isEmpty()) {
      ObjectNode block = MAPPER.createObjectNode().put("type", "text").put("text", "");
      blockStart(events, index, block);
      events.event("ping", "{\"type\":\"ping\"}");
      for (String piece : TextPieces.split(response.text())) {
        blockDelta(events, index, MAPPER.createObjectNode().put("type", "text_delta").put("text", piece));
      }
      blockStop(events, index++);
    }
    for (ToolCall call : response.toolCalls()) {
      ObjectNode block = MAPPER.createObjectNode().put("type", "tool_use").put("id", call.id())
          .put("name", call.name());
      block.putObject("input");
      blockStart(events, index, block);
      for (String piece : TextPieces.halves(call.arguments())) {
        blockDelta(events, index, MAPPER.createObjectNode().put("type", "input_json_delta").put("partial_json", piece));
      }
      blockStop(events, index++);
    }
    if (!complete) {
      return events.toString();
    }
    ObjectNode delta = MAPPER.createObjectNode().put("type", "message_delta");
    delta.putObject("delta").put("stop_reason", stopReason(response.finishReason())).putNull("stop_sequence");
    delta.putObject("usage").put("output_tokens", response.usage().outputTokens());
    events.event("message_delta", delta.toString());
    return events.event("message_stop", "{\"type\":\"message_stop\"}").toString();
  }

  @Override
  public String streamErrorEvent(LlmException error) {
    return new SseEvents().event("error", errorNode(0, error).toString()).toString();
  }

  @Override
  public String errorBody(int status, LlmException error) {
    return errorNode(status, error).toString();
  }

  private static ObjectNode errorNode(int status, LlmException error) {
    ObjectNode root = MAPPER.createObjectNode().put("type", "error");
    root.putObject("error").put("type", errorType(status, error)).put("message", error.getMessage());
    return root;
  }

  /** Anthropic's error type for a status; the exception's own type when the status has none. */
  private static String errorType(int status, LlmException error) {
    switch (status) {
      case 400:
        return "invalid_request_error";
      case 401:
        return "authentication_error";
      case 403:
        return "permission_error";
      case 404:
        return "not_found_error";
      case 429:
        return "rate_limit_error";
      case 500:
        return "api_error";
      case 529:
        return "overloaded_error";
      default:
        return error.errorType();
    }
  }

  private static ObjectNode message(ChatResponse response) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", response.id());
    root.put("type", "message");
    root.put("role", "assistant");
    root.put("model", response.model());
    root.putNull("stop_sequence");
    return root;
  }

  private static void blockStart(SseEvents events, int index, ObjectNode block) {
    ObjectNode event = MAPPER.createObjectNode().put("type", "content_block_start").put("index", index);
    event.set("content_block", block);
    events.event("content_block_start", event.toString());
  }

  private static void blockDelta(SseEvents events, int index, ObjectNode delta) {
    ObjectNode event = MAPPER.createObjectNode().put("type", "content_block_delta").put("index", index);
    event.set("delta", delta);
    events.event("content_block_delta", event.toString());
  }

  private static void blockStop(SseEvents events, int index) {
    events.event("content_block_stop",
        MAPPER.createObjectNode().put("type", "content_block_stop").put("index", index).toString());
  }

  /** The arguments as a JSON object; arguments that are not JSON (a scripted malformed call) as a string. */
  private static JsonNode input(String arguments) {
    try {
      return MAPPER.readTree(arguments);
    } catch (JsonProcessingException malformed) {
      return MAPPER.getNodeFactory().textNode(arguments);
    }
  }

  private static String stopReason(FinishReason reason) {
    switch (reason) {
      case TOOL_CALL:
        return "tool_use";
      case LENGTH:
        return "max_tokens";
      case CONTENT_FILTER:
        return "refusal";
      default:
        return "end_turn";
    }
  }
}
