package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;

/**
 * What one {@link LlmStub} fills in when a reply leaves it open: deterministic response ids ({@code resp_1}, ...),
 * tool call ids ({@code call_1}, ...) and the response model (the configured one, else the request's model).
 */
final class ResponseDefaults {
  private final IdSequence responseIds = new IdSequence("resp_");
  private final IdSequence callIds = new IdSequence("call_");
  private final String responseModel;

  ResponseDefaults(String responseModel) {
    this.responseModel = responseModel;
  }

  String nextResponseId() {
    return responseIds.next();
  }

  String nextCallId() {
    return callIds.next();
  }

  String model(ChatRequest request) {
    return responseModel != null ? responseModel : request.model();
  }
}
