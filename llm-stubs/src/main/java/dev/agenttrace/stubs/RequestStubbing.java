package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.ToolCall;
import java.util.Objects;
import java.util.function.Function;

/**
 * The start of a stubbing, returned by {@code llm.when...(...)}: narrow the matcher with {@link #and}, then say
 * how to reply. The stubbing is registered (and takes priority over earlier ones) when the first reply is given;
 * the returned {@link ReplyChain} adds modifiers and consecutive replies.
 */
public final class RequestStubbing {
  private final LlmStubbings stubbings;
  private final RequestMatcher matcher;

  RequestStubbing(LlmStubbings stubbings, RequestMatcher matcher) {
    this.stubbings = stubbings;
    this.matcher = Objects.requireNonNull(matcher, "matcher");
  }

  /** Also requires {@code other}, e.g. {@code llm.whenTurn(2).and(model("gpt-4o"))}. */
  public RequestStubbing and(RequestMatcher other) {
    return new RequestStubbing(stubbings, matcher.and(other));
  }

  /** Replies with an assistant text message; finish reason {@code STOP} unless set. */
  public ReplyChain replyWithText(String text) {
    return start(ReplyBody.text(text));
  }

  /** Replies with one tool call (id {@code call_N} of this stub); finish reason {@code TOOL_CALL} unless set. */
  public ReplyChain replyWithToolCall(String toolName, String argumentsJson) {
    return start(ReplyBody.toolCall(toolName, argumentsJson));
  }

  /** Replies with parallel tool calls; calls with a blank id get this stub's next {@code call_N} id. */
  public ReplyChain replyWithToolCalls(ToolCall... calls) {
    return start(ReplyBody.toolCalls(calls));
  }

  /** Replies with exactly {@code response} (modifiers set on the chain override its fields). */
  public ReplyChain reply(ChatResponse response) {
    return start(ReplyBody.response(response));
  }

  /** Replies with the response {@code function} computes from the request. */
  public ReplyChain replyWith(Function<ChatRequest, ChatResponse> function) {
    return start(ReplyBody.computed(function));
  }

  /** Throws exactly {@code exception} (the same instance each time). */
  public ReplyChain failWith(LlmException exception) {
    return start(ReplyBody.failure(exception));
  }

  /** Throws a new {@link AgentStubs#rateLimitError()} (HTTP 429). */
  public ReplyChain failWithRateLimit() {
    return start(ReplyBody.rateLimit());
  }

  /** Throws a new {@link AgentStubs#serverError()} (HTTP 500). */
  public ReplyChain failWithServerError() {
    return start(ReplyBody.serverError());
  }

  private ReplyChain start(ReplyBody body) {
    return new ReplyChain(stubbings, stubbings.register(matcher, Reply.of(body)));
  }
}
