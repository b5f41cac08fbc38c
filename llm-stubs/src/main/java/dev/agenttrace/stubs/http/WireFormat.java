package dev.agenttrace.stubs.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.LlmException;
import java.util.Optional;

/**
 * One provider's wire format, as an HTTP stub speaks it: decodes the provider request into a {@link ChatRequest}
 * and encodes {@link ChatResponse}s, streams and errors back. Implemented by the OpenAI (chat completions and
 * Responses), Anthropic and Gemini stubs; the server, scripting, chaos, tracing and record/replay around it are shared
 * ({@link HttpLlmStub}).
 */
public interface WireFormat {
  /** The {@code gen_ai.provider.name}, e.g. {@code openai}. */
  String providerName();

  /** The regular expression of the chat endpoint's URL path, e.g. {@code (/v1)?/chat/completions}. */
  String chatPathRegex();

  /** What {@code baseUrl()} appends to {@code http://localhost:port}, e.g. {@code /v1}. */
  String baseUrlSuffix();

  /**
   * The request as the stub's script sees it; {@code path} is the URL path without the query, which some formats
   * read (Gemini names the model there).
   */
  ChatRequest decode(String path, JsonNode body);

  /** Whether the request asks for a stream (in the body, or in the URL {@code path} for Gemini). */
  boolean isStreaming(String path, JsonNode body);

  /**
   * Called after the script answered {@code request} with {@code response}: for formats that keep server-side
   * conversation state (the Responses API's {@code previous_response_id}). Does nothing by default.
   */
  default void answered(ChatRequest request, ChatResponse response) {}

  /** The HTTP status this provider uses when it is overloaded: 503, Anthropic's 529. */
  default int overloadedStatus() {
    return 503;
  }

  /** A non-streaming response body. */
  String responseBody(ChatResponse response);

  /**
   * The events of a streamed {@code response}; with {@code complete == false} only those carrying its content,
   * without the finish, usage and end of stream (for a cut stream).
   */
  String streamEvents(ChatResponse response, JsonNode requestBody, boolean complete);

  /** The event a stream carries when it fails midway. */
  String streamErrorEvent(LlmException error);

  /** An error body in the provider's format. */
  String errorBody(int status, LlmException error);

  /** The request's W3C or provider-specific model hint for spans when the body cannot be decoded. */
  default Optional<String> model(JsonNode body) {
    JsonNode model = body.path("model");
    return model.isTextual() ? Optional.of(model.asText()) : Optional.empty();
  }
}
