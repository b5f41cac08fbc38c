package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.ToolCall;
import java.util.function.Function;

/**
 * The ways to say what a stubbed request answers, declared once: each method is a shorthand for
 * {@link #reply(LlmReply)} with an {@link LlmReply} factory. A stubbing ({@link RequestStubbing}) answers with the
 * first reply through it, and a {@link ReplyChain}'s {@code then...} methods add the next reply through it, so both
 * speak the same vocabulary on every stub.
 *
 * @param <R> what comes back to refine the reply or add the next one (a {@link ReplyChain})
 */
public interface ReplyVocabulary<R> {

  /** Answers with {@code reply}, e.g. {@code LlmReply.text("18°C").withUsage(120, 15)}. */
  R reply(LlmReply reply);

  /** Replies with an assistant text message; finish reason {@code STOP} unless set. */
  default R replyWithText(String text) {
    return reply(LlmReply.text(text));
  }

  /** Replies with one tool call (id {@code call_N} of this stub); finish reason {@code TOOL_CALL} unless set. */
  default R replyWithToolCall(String toolName, String argumentsJson) {
    return reply(LlmReply.toolCall(toolName, argumentsJson));
  }

  /** Replies with parallel tool calls; calls with a blank id get this stub's next {@code call_N} id. */
  default R replyWithToolCalls(ToolCall... calls) {
    return reply(LlmReply.toolCalls(calls));
  }

  /** Throws exactly {@code exception} (the same instance each time); HTTP stubs play an {@code HttpFault}. */
  default R failWith(LlmException exception) {
    return reply(LlmReply.failure(exception));
  }

  /** Throws a new {@link AgentStubs#rateLimitError()} (HTTP 429). */
  default R failWithRateLimit() {
    return reply(LlmReply.rateLimit());
  }

  /** Throws a new {@link AgentStubs#serverError()} (HTTP 500). */
  default R failWithServerError() {
    return reply(LlmReply.serverError());
  }

  /** Replies with exactly {@code response} (modifiers set on the chain override its fields). */
  default R reply(ChatResponse response) {
    return reply(LlmReply.response(response));
  }

  /** Replies with the response {@code function} computes from the request. */
  default R replyWith(Function<ChatRequest, ChatResponse> function) {
    return reply(LlmReply.computed(function));
  }
}
