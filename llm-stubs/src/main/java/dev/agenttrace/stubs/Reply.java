package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Usage;
import java.time.Duration;

/**
 * One scripted answer of a stubbing: its body plus the modifiers set on it (usage, finish reason, latency,
 * response model and id, how many times it answers). Immutable: the fluent API replaces it with modified copies,
 * so a reply picked under the stub's lock can be used outside it.
 *
 * @param limit how many times it answers, or {@code null} when not set (see {@link LlmStubbing})
 */
record Reply(ReplyBody body, Usage usage, FinishReason finishReason, Duration latency, String responseModel,
    String responseId, Integer limit) {

  static Reply of(ReplyBody body) {
    return new Reply(body, null, null, Duration.ZERO, null, null, null);
  }

  Reply withUsage(Usage value) {
    return new Reply(body, value, finishReason, latency, responseModel, responseId, limit);
  }

  Reply withFinishReason(FinishReason value) {
    return new Reply(body, usage, value, latency, responseModel, responseId, limit);
  }

  Reply withLatency(Duration value) {
    return new Reply(body, usage, finishReason, value, responseModel, responseId, limit);
  }

  Reply withResponseModel(String value) {
    return new Reply(body, usage, finishReason, latency, value, responseId, limit);
  }

  Reply withResponseId(String value) {
    return new Reply(body, usage, finishReason, latency, responseModel, value, limit);
  }

  Reply withLimit(int value) {
    return new Reply(body, usage, finishReason, latency, responseModel, responseId, value);
  }

  /** The body's response with the modifiers that were set applied over it (or the body's exception). */
  ChatResponse answer(ChatRequest request, ResponseDefaults defaults) {
    ChatResponse response = body.produce(request, defaults);
    if (usage == null && finishReason == null && responseModel == null && responseId == null) {
      return response;
    }
    return new ChatResponse(
        responseId != null ? responseId : response.id(),
        responseModel != null ? responseModel : response.model(),
        response.message(),
        finishReason != null ? finishReason : response.finishReason(),
        usage != null ? usage : response.usage());
  }

  String description() {
    return body.description() + (limit == null ? "" : " ×" + limit);
  }
}
