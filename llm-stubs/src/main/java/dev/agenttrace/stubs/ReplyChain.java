package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.ToolCall;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A registered stubbing's script of replies. The {@code with...} modifiers and {@link #times}/{@link #once} apply
 * to the reply added last (they are {@link LlmReply}'s modifiers); the {@code then...} methods add the next
 * consecutive reply (they are the {@link ReplyVocabulary} prefixed with {@code then}). Without a limit the last
 * reply repeats forever and earlier ones answer once; once every reply is used up the stubbing stops matching and
 * older stubbings get their turn.
 */
public final class ReplyChain {
  private final LlmStubbings stubbings;
  private final LlmStubbing stubbing;
  private final ReplyVocabulary<ReplyChain> next = this::thenReply;

  ReplyChain(LlmStubbings stubbings, LlmStubbing stubbing) {
    this.stubbings = stubbings;
    this.stubbing = stubbing;
  }

  /** Reports this token usage instead of the default estimate (one token per four characters). */
  public ReplyChain withUsage(long inputTokens, long outputTokens) {
    return update(reply -> reply.withUsage(inputTokens, outputTokens));
  }

  /** See {@link LlmReply#withFinishReason}. */
  public ReplyChain withFinishReason(FinishReason finishReason) {
    return update(reply -> reply.withFinishReason(finishReason));
  }

  /** Passes {@code latency} to the stub's sleeper before answering (a virtual clock in tests). */
  public ReplyChain withLatency(Duration latency) {
    return update(reply -> reply.withLatency(latency));
  }

  /** The response's model; by default the stub's configured response model, else the request's model. */
  public ReplyChain withResponseModel(String model) {
    return update(reply -> reply.withResponseModel(model));
  }

  /** The response's id; by default this stub's next {@code resp_N}. */
  public ReplyChain withResponseId(String id) {
    return update(reply -> reply.withResponseId(id));
  }

  /** Lets the last reply answer {@code count} times only. */
  public ReplyChain times(int count) {
    return update(reply -> reply.times(count));
  }

  /** Same as {@code times(1)}. */
  public ReplyChain once() {
    return times(1);
  }

  /** Adds {@code reply} as the next consecutive answer. */
  public ReplyChain thenReply(LlmReply reply) {
    Objects.requireNonNull(reply, "reply");
    stubbings.append(stubbing, reply);
    return this;
  }

  /** Then {@link ReplyVocabulary#replyWithText}. */
  public ReplyChain thenReplyWithText(String text) {
    return next.replyWithText(text);
  }

  /** Then {@link ReplyVocabulary#replyWithToolCall}. */
  public ReplyChain thenReplyWithToolCall(String toolName, String argumentsJson) {
    return next.replyWithToolCall(toolName, argumentsJson);
  }

  /** Then {@link ReplyVocabulary#replyWithToolCalls}. */
  public ReplyChain thenReplyWithToolCalls(ToolCall... calls) {
    return next.replyWithToolCalls(calls);
  }

  /** Then {@link ReplyVocabulary#reply(ChatResponse)}. */
  public ReplyChain thenReply(ChatResponse response) {
    return next.reply(response);
  }

  /** Then {@link ReplyVocabulary#replyWith}. */
  public ReplyChain thenReplyWith(Function<ChatRequest, ChatResponse> function) {
    return next.replyWith(function);
  }

  /** Then {@link ReplyVocabulary#failWith}. */
  public ReplyChain thenFailWith(LlmException exception) {
    return next.failWith(exception);
  }

  /** Then {@link ReplyVocabulary#failWithRateLimit}. */
  public ReplyChain thenFailWithRateLimit() {
    return next.failWithRateLimit();
  }

  /** Then {@link ReplyVocabulary#failWithServerError}. */
  public ReplyChain thenFailWithServerError() {
    return next.failWithServerError();
  }

  /** The stubbing in words, as listed by {@link LlmStub#unusedStubs()}. */
  @Override
  public String toString() {
    return stubbings.describe(stubbing);
  }

  private ReplyChain update(UnaryOperator<LlmReply> change) {
    stubbings.updateLast(stubbing, change);
    return this;
  }
}
