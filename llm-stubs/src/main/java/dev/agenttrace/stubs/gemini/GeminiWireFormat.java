package dev.agenttrace.stubs.gemini;

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
import dev.agenttrace.llm.Usage;
import dev.agenttrace.stubs.http.SseEvents;
import dev.agenttrace.stubs.http.TextPieces;
import dev.agenttrace.stubs.http.WireFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Gemini API on the wire: {@code POST /v1beta/models/{model}:generateContent} answers a
 * {@code GenerateContentResponse} (one candidate whose {@code content} holds a {@code text} part and one
 * {@code functionCall} part per tool call with {@code args} as an object, {@code finishReason}, {@code usageMetadata},
 * {@code modelVersion}, {@code responseId}); {@code :streamGenerateContent?alt=sse} answers {@code data:} chunks of the
 * same shape (text deltas, then each function call whole, the finish reason and usage on the last chunk, no end
 * marker). Tool arguments that are not a JSON object become {@code finishReason: MALFORMED_FUNCTION_CALL}, as Gemini
 * reports a model's broken call. Errors are {@code google.rpc.Status} bodies ({@code code}, {@code message},
 * {@code status}; a {@code RetryInfo} detail on 429).
 */
final class GeminiWireFormat implements WireFormat {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String STREAM_METHOD = ":streamGenerateContent";

  @Override
  public String providerName() {
    return "gcp.gemini";
  }

  @Override
  public String chatPathRegex() {
    return "/(v1|v1beta|v1alpha)/models/[^/:]+:(generateContent|streamGenerateContent)";
  }

  @Override
  public String baseUrlSuffix() {
    return "";
  }

  @Override
  public ChatRequest decode(String path, JsonNode body) {
    int start = path.indexOf("/models/") + "/models/".length();
    int end = path.indexOf(':', start);
    return GeminiRequestDecoder.decode(path.substring(start, end), body);
  }

  @Override
  public boolean isStreaming(String path, JsonNode body) {
    return path.endsWith(STREAM_METHOD);
  }

  @Override
  public Optional<String> model(JsonNode body) {
    return Optional.empty();
  }

  @Override
  public String responseBody(ChatResponse response) {
    List<ObjectNode> parts = new ArrayList<>();
    if (!response.text().isEmpty()) {
      parts.add(MAPPER.createObjectNode().put("text", response.text()));
    }
    FunctionCalls calls = FunctionCalls.of(response);
    parts.addAll(calls.parts());
    return chunk(response, parts, true, calls.malformed()).toString();
  }

  @Override
  public String streamEvents(ChatResponse response, JsonNode requestBody, boolean complete) {
    List<List<ObjectNode>> chunks = new ArrayList<>();
    for (String piece : TextPieces.split(response.text())) {
      chunks.add(List.of(MAPPER.createObjectNode().put("text", piece)));
    }
    FunctionCalls calls = FunctionCalls.of(response);
    calls.parts().forEach(part -> chunks.add(List.of(part)));
    if (chunks.isEmpty()) {
      chunks.add(List.of());
    }
    SseEvents events = new SseEvents();
    for (int i = 0; i < chunks.size(); i++) {
      boolean last = complete && i == chunks.size() - 1;
      events.data(chunk(response, chunks.get(i), last, last ? calls.malformed() : null).toString());
    }
    return events.toString();
  }

  /** The {@code functionCall} parts of a reply, and the last call whose arguments are no JSON object (or null). */
  private record FunctionCalls(List<ObjectNode> parts, String malformed) {
    static FunctionCalls of(ChatResponse response) {
      List<ObjectNode> parts = new ArrayList<>();
      String malformed = null;
      for (ToolCall call : response.toolCalls()) {
        ObjectNode part = functionCall(call);
        if (part == null) {
          malformed = call.name() + "(" + call.arguments() + ")";
        } else {
          parts.add(part);
        }
      }
      return new FunctionCalls(parts, malformed);
    }
  }

  @Override
  public String streamErrorEvent(LlmException error) {
    return new SseEvents().data(errorNode(error.statusCode() > 0 ? error.statusCode() : 500, error).toString())
        .toString();
  }

  @Override
  public String errorBody(int status, LlmException error) {
    return errorNode(status, error).toString();
  }

  /** A {@code google.rpc.Status} error: HTTP code, message, canonical status name. */
  private static ObjectNode errorNode(int status, LlmException error) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode node = root.putObject("error").put("code", status).put("message", error.getMessage())
        .put("status", statusName(status));
    if (status == 429) {
      node.putArray("details").addObject().put("@type", "type.googleapis.com/google.rpc.RetryInfo")
          .put("retryDelay", "1s");
    }
    return root;
  }

  private static String statusName(int status) {
    return switch (status) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 409 -> "ABORTED";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 501 -> "UNIMPLEMENTED";
      case 503 -> "UNAVAILABLE";
      case 504 -> "DEADLINE_EXCEEDED";
      default -> status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
    };
  }

  /** One {@code GenerateContentResponse}; the finish reason and full usage only on the last one. */
  private static ObjectNode chunk(ChatResponse response, List<ObjectNode> parts, boolean last, String malformed) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode candidate = root.putArray("candidates").addObject();
    ObjectNode content = candidate.putObject("content");
    content.put("role", "model");
    ArrayNode array = content.putArray("parts");
    parts.forEach(array::add);
    if (last) {
      if (malformed != null) {
        candidate.put("finishReason", "MALFORMED_FUNCTION_CALL");
        candidate.put("finishMessage", "Malformed function call: " + malformed);
      } else {
        candidate.put("finishReason", finishReason(response.finishReason()));
      }
    }
    candidate.put("index", 0);
    Usage usage = response.usage();
    ObjectNode metadata = root.putObject("usageMetadata").put("promptTokenCount", usage.inputTokens());
    if (last) {
      metadata.put("candidatesTokenCount", usage.outputTokens()).put("totalTokenCount", usage.totalTokens());
    }
    root.put("modelVersion", response.model());
    root.put("responseId", response.id());
    return root;
  }

  /** The {@code functionCall} part, or {@code null} when the arguments are not a JSON object. */
  private static ObjectNode functionCall(ToolCall call) {
    JsonNode args;
    try {
      args = MAPPER.readTree(call.arguments().isBlank() ? "{}" : call.arguments());
    } catch (JsonProcessingException malformed) {
      return null;
    }
    if (args == null || !args.isObject()) {
      return null;
    }
    ObjectNode part = MAPPER.createObjectNode();
    part.putObject("functionCall").put("id", call.id()).put("name", call.name()).set("args", args);
    return part;
  }

  private static String finishReason(FinishReason reason) {
    return switch (reason) {
      case LENGTH -> "MAX_TOKENS";
      case CONTENT_FILTER -> "SAFETY";
      case ERROR -> "OTHER";
      default -> "STOP";
    };
  }
}
