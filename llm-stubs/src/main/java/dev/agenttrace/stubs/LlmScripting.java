package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import java.util.function.Predicate;

/**
 * How every LLM stub is scripted, declared once: {@link LlmStub} (in-process), {@code OpenAiStub} and
 * {@code AnthropicStub} (HTTP) all implement it, so each {@code whenX} works alike on all of them. Every
 * {@code whenX} is a shorthand for {@link #when(RequestMatcher)} with the matcher of the same name in
 * {@link AgentStubs}; a stub implements {@code when} alone, and a {@code whenX} added here exists on every stub.
 *
 * <pre>{@code
 * stub.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
 * stub.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny in Paris.");
 * }</pre>
 *
 * <p>The most recently added matching stubbing answers (WireMock's rule) unless its replies are used up.
 */
public interface LlmScripting {

  /** Stubs requests that satisfy {@code matcher}; build matchers with {@link AgentStubs}. */
  RequestStubbing when(RequestMatcher matcher);

  /** Stubs every request. */
  default RequestStubbing whenAnyRequest() {
    return when(AgentStubs.anyRequest());
  }

  /** Stubs requests whose last user message contains {@code fragment}. */
  default RequestStubbing whenLastUserMessageContains(String fragment) {
    return when(AgentStubs.lastUserMessageContains(fragment));
  }

  /** Stubs requests whose last user message contains a match of {@code regex} (anchor it to match it whole). */
  default RequestStubbing whenLastUserMessageMatches(String regex) {
    return when(AgentStubs.lastUserMessageMatches(regex));
  }

  /** Stubs requests whose last message carries the result of a call to {@code toolName}. */
  default RequestStubbing whenLastMessageIsToolResult(String toolName) {
    return when(AgentStubs.lastMessageIsToolResult(toolName));
  }

  /** Stubs the {@code turn}-th chat call this stub receives (1-based). */
  default RequestStubbing whenTurn(int turn) {
    return when(AgentStubs.turn(turn));
  }

  /** Stubs requests naming exactly this model. */
  default RequestStubbing whenModel(String model) {
    return when(AgentStubs.model(model));
  }

  /** Stubs requests that offer at least these tools. */
  default RequestStubbing whenToolsOffered(String... toolNames) {
    return when(AgentStubs.toolsOffered(toolNames));
  }

  /** Stubs requests satisfying {@code predicate}; {@code description} names it in failure messages. */
  default RequestStubbing whenRequest(Predicate<ChatRequest> predicate, String description) {
    return when(AgentStubs.request(predicate, description));
  }
}
