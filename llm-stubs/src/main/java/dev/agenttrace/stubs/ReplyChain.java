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
import java.util.function.UnaryOperator;

/**
 * A registered stubbing's script of replies. The {@code with...} modifiers and {@link #times}/{@link #once} apply
 * to the reply added last; the {@code then...} methods add the next consecutive reply. Without a limit the last
 * reply repeats forever and earlier ones answer once; once every reply is used up the stubbing stops matching and
 * older stubbings get their turn.
 */
public final class ReplyChain {
  private final LlmStubbings stubbings;
  private final LlmStubbing stubbing;

  ReplyChain(LlmStubbings stubbings, LlmStubbing stubbing) {
    this.stubbings = stubbings;
    this.stubbing = stubbing;
  }

  /** Reports this token usage instead of the default estimate (one token per four characters). */
  public ReplyChain withUsage(long inputTokens, long outputTokens) {
    Usage usage = Usage.of(inputTokens, outputTokens);
    return update(reply -> reply.withUsage(usage));
  }

  public ReplyChain withFinishReason(FinishReason finishReason) {
    Objects.requireNonNull(finishReason, "finishReason");
    return update(reply -> reply.withFinishReason(finishReason));
  }

  /** Passes {@code latency} to the stub's sleeper before answering (a virtual clock in tests). */
  public ReplyChain withLatency(Duration latency) {
    Duration checked = Sleepers.checkLatency(latency);
    return update(reply -> reply.withLatency(checked));
  }

  /** The response's model; by default the stub's configured response model, else the request's model. */
  public ReplyChain withResponseModel(String model) {
    Objects.requireNonNull(model, "model");
    return update(reply -> reply.withResponseModel(model));
  }

  /** The response's id; by default this stub's next {@code resp_N}. */
  public ReplyChain withResponseId(String id) {
    Objects.requireNonNull(id, "id");
    return update(reply -> reply.withResponseId(id));
  }

  /** Lets the last reply answer {@code count} times only. */
  public ReplyChain times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("times(n) needs n >= 1 but was " + count);
    }
    return update(reply -> reply.withLimit(count));
  }

  /** Same as {@code times(1)}. */
  public ReplyChain once() {
    return times(1);
  }

  public ReplyChain thenReplyWithText(String text) {
    return then(ReplyBody.text(text));
  }

  public ReplyChain thenReplyWithToolCall(String toolName, String argumentsJson) {
    return then(ReplyBody.toolCall(toolName, argumentsJson));
  }

  public ReplyChain thenReplyWithToolCalls(ToolCall... calls) {
    return then(ReplyBody.toolCalls(calls));
  }

  public ReplyChain thenReply(ChatResponse response) {
    return then(ReplyBody.response(response));
  }

  public ReplyChain thenReplyWith(Function<ChatRequest, ChatResponse> function) {
    return then(ReplyBody.computed(function));
  }

  public ReplyChain thenFailWith(LlmException exception) {
    return then(ReplyBody.failure(exception));
  }

  public ReplyChain thenFailWithRateLimit() {
    return then(ReplyBody.rateLimit());
  }

  public ReplyChain thenFailWithServerError() {
    return then(ReplyBody.serverError());
  }

  /** The stubbing in words, as listed by {@link LlmStub#unusedStubs()}. */
  @Override
  public String toString() {
    return stubbings.describe(stubbing);
  }

  private ReplyChain then(ReplyBody body) {
    stubbings.append(stubbing, Reply.of(body));
    return this;
  }

  private ReplyChain update(UnaryOperator<Reply> change) {
    stubbings.updateLast(stubbing, change);
    return this;
  }
}
