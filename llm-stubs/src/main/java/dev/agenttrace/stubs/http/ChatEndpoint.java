package dev.agenttrace.stubs.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.trace.ChatSpan;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Handles one chat request end to end: parses and decodes the provider request, remembers it, asks the reply
 * source for the answer and records the call's span. A body that is not a valid provider request gets a 400 in the
 * provider's error format.
 */
final class ChatEndpoint implements Function<HttpExchange, WireResponse> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final WireFormat format;
  private final RawRequests rawRequests;
  private final ReplySource replies;
  private final ChatSpanRecorder spans;
  private final Supplier<String> serverUrl;

  ChatEndpoint(WireFormat format, RawRequests rawRequests, ReplySource replies, ChatSpanRecorder spans,
      Supplier<String> serverUrl) {
    this.format = format;
    this.rawRequests = rawRequests;
    this.replies = replies;
    this.spans = spans;
    this.serverUrl = serverUrl;
  }

  @Override
  public WireResponse apply(HttpExchange exchange) {
    JsonNode body;
    ChatRequest request;
    try {
      body = MAPPER.readTree(exchange.body());
      request = format.decode(exchange.path(), body);
    } catch (JsonProcessingException | RuntimeException e) {
      LlmException invalid = new LlmException("invalid_request_error", 400,
          "AgentTrace stub could not read the request: " + e.getMessage());
      return WireResponse.error(400, format.errorBody(400, invalid));
    }
    rawRequests.add(request, exchange.body());
    ChatSpan span = spans.start(exchange, request, serverUrl.get());
    Outcome outcome = replies.answer(exchange, body, request);
    spans.end(span, outcome);
    return outcome.wire();
  }
}
