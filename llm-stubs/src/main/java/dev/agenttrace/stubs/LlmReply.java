package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.Usage;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a stubbed chat request answers: the one reply vocabulary of every LLM stub ({@link LlmStub},
 * {@code OpenAiStub}, {@code AnthropicStub}). A reply is a body (text, tool calls, a given or computed response, or a
 * failure) plus the modifiers set on it: token usage, finish reason, latency, response model and id, and how many
 * times it answers. The HTTP stubs add their transport faults as failures ({@code HttpFault}), not as another
 * vocabulary.
 *
 * <pre>{@code
 * LlmReply slow = LlmReply.text("Let me check.").withUsage(120, 15).withLatency(Duration.ofMillis(800));
 * llm.whenModel("gpt-4o").reply(slow).thenReply(LlmReply.rateLimit().once());
 * }</pre>
 *
 * <p>The {@code replyWith...} / {@code failWith...} methods of a stubbing ({@link ReplyVocabulary}) and the
 * {@code with...} modifiers of a {@link ReplyChain} are shorthands for these factories and modifiers. Immutable and
 * thread-safe: every {@code with...} returns a modified copy, so one reply can serve several stubbings.
 */
public final class LlmReply {
  private final ReplyBody body;
  private final Usage usage;
  private final FinishReason finishReason;
  private final Duration latency;
  private final String responseModel;
  private final String responseId;
  private final Integer limit;

  private LlmReply(ReplyBody body, Usage usage, FinishReason finishReason, Duration latency, String responseModel,
      String responseId, Integer limit) {
    this.body = body;
    this.usage = usage;
    this.finishReason = finishReason;
    this.latency = latency;
    this.responseModel = responseModel;
    this.responseId = responseId;
    this.limit = limit;
  }

  private static LlmReply of(ReplyBody body) {
    return new LlmReply(body, null, null, Duration.ZERO, null, null, null);
  }

  /** An assistant text message; finish reason {@code STOP} unless set. */
  public static LlmReply text(String text) {
    return of(ReplyBody.text(text));
  }

  /** One tool call (id {@code call_N} of the stub); finish reason {@code TOOL_CALL} unless set. */
  public static LlmReply toolCall(String toolName, String argumentsJson) {
    return of(ReplyBody.toolCall(toolName, argumentsJson));
  }

  /** Parallel tool calls; calls with a blank id get the stub's next {@code call_N} id. */
  public static LlmReply toolCalls(ToolCall... calls) {
    return of(ReplyBody.toolCalls(calls));
  }

  /** Exactly {@code response} (modifiers set on the reply override its fields). */
  public static LlmReply response(ChatResponse response) {
    return of(ReplyBody.response(response));
  }

  /** The response {@code function} computes from the request. */
  public static LlmReply computed(Function<ChatRequest, ChatResponse> function) {
    return of(ReplyBody.computed(function));
  }

  /**
   * Throws exactly {@code exception} (the same instance each time). An HTTP stub answers with its status (500 when it
   * has none) in the provider's error format, or plays it when it is an {@code HttpFault}.
   */
  public static LlmReply failure(LlmException exception) {
    return of(ReplyBody.failure(exception));
  }

  /** Throws a new {@link AgentStubs#rateLimitError()} (HTTP 429) each time. */
  public static LlmReply rateLimit() {
    return of(ReplyBody.rateLimit());
  }

  /** Throws a new {@link AgentStubs#serverError()} (HTTP 500) each time. */
  public static LlmReply serverError() {
    return of(ReplyBody.serverError());
  }

  /** Reports this token usage instead of the default estimate (one token per four characters). */
  public LlmReply withUsage(long inputTokens, long outputTokens) {
    Usage value = Usage.of(inputTokens, outputTokens);
    return new LlmReply(body, value, finishReason, latency, responseModel, responseId, limit);
  }

  /** Overrides the finish reason ({@code STOP} for text, {@code TOOL_CALL} for tool calls by default). */
  public LlmReply withFinishReason(FinishReason value) {
    Objects.requireNonNull(value, "finishReason");
    return new LlmReply(body, usage, value, latency, responseModel, responseId, limit);
  }

  /**
   * Waits {@code value} before answering: through the {@link LlmStub}'s sleeper (a virtual clock in tests), for real
   * in an HTTP stub.
   */
  public LlmReply withLatency(Duration value) {
    Duration checked = Sleepers.checkLatency(value);
    return new LlmReply(body, usage, finishReason, checked, responseModel, responseId, limit);
  }

  /** The response's model; by default the stub's configured response model, else the request's model. */
  public LlmReply withResponseModel(String value) {
    Objects.requireNonNull(value, "model");
    return new LlmReply(body, usage, finishReason, latency, value, responseId, limit);
  }

  /** The response's id; by default the stub's next {@code resp_N}. */
  public LlmReply withResponseId(String value) {
    Objects.requireNonNull(value, "id");
    return new LlmReply(body, usage, finishReason, latency, responseModel, value, limit);
  }

  /**
   * Answers {@code count} times only, then the stubbing's next reply answers. Without a limit the last reply of a
   * stubbing repeats forever and earlier ones answer once.
   */
  public LlmReply times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("times(n) needs n >= 1 but was " + count);
    }
    return new LlmReply(body, usage, finishReason, latency, responseModel, responseId, count);
  }

  /** Same as {@code times(1)}. */
  public LlmReply once() {
    return times(1);
  }

  Duration latency() {
    return latency;
  }

  /** How many times it answers, or {@code null} when not set (see {@link LlmStubbing}). */
  Integer limit() {
    return limit;
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

  /** The reply in words, as in a stubbing's description, e.g. {@code text "18°C" ×2}. */
  @Override
  public String toString() {
    return description();
  }
}
