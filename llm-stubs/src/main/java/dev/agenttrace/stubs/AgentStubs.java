package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.ToolCall;
import java.util.function.Predicate;

/**
 * The one static import for stubbing agents: factories for {@link LlmStub} and {@link ToolStubs}, the request
 * matchers for {@link LlmStub#when}, and ready-made tool calls and provider errors.
 *
 * <pre>{@code
 * import static dev.agenttrace.stubs.AgentStubs.*;
 *
 * llm.when(turn(2).and(lastMessageIsToolResult("get_weather"))).replyWithText("18°C");
 * }</pre>
 */
public final class AgentStubs {
  private AgentStubs() {}

  /** Same as {@link LlmStub#create()}. */
  public static LlmStub llmStub() {
    return LlmStub.create();
  }

  /** Same as {@link ToolStubs#create()}. */
  public static ToolStubs toolStubs() {
    return ToolStubs.create();
  }

  /** The last user message contains {@code fragment} (case-sensitive). */
  public static RequestMatcher lastUserMessageContains(String fragment) {
    return RequestMatcher.of(Criteria.lastUserMessageContains(fragment));
  }

  /** The last user message contains a match of {@code regex}; anchor with {@code ^...$} to match it whole. */
  public static RequestMatcher lastUserMessageMatches(String regex) {
    return RequestMatcher.of(Criteria.lastUserMessageMatches(regex));
  }

  /** The last message carries the result of a call to {@code toolName}. */
  public static RequestMatcher lastMessageIsToolResult(String toolName) {
    return RequestMatcher.of(Criteria.lastMessageIsToolResult(toolName));
  }

  /** The last message is a tool result, of any tool. */
  public static RequestMatcher lastMessageIsToolResult() {
    return RequestMatcher.of(Criteria.lastMessageIsAnyToolResult());
  }

  /** The request is the {@code turn}-th chat call the stub receives (1-based). */
  public static RequestMatcher turn(int turn) {
    return RequestMatcher.of(Criteria.turn(turn));
  }

  /** The request names exactly this model. */
  public static RequestMatcher model(String model) {
    return RequestMatcher.of(Criteria.model(model));
  }

  /** The request offers at least these tools. */
  public static RequestMatcher toolsOffered(String... toolNames) {
    return RequestMatcher.of(Criteria.toolsOffered(toolNames));
  }

  /**
   * The request satisfies {@code predicate} (e.g. a check of its JSON with {@code GenAiJson}); {@code description}
   * names it in failure messages. A predicate that throws counts as not matching.
   */
  public static RequestMatcher request(Predicate<ChatRequest> predicate, String description) {
    return RequestMatcher.of(Criteria.request(predicate, description));
  }

  /** Every request. */
  public static RequestMatcher anyRequest() {
    return RequestMatcher.of(Criteria.anyRequest());
  }

  /** A tool call without an id: an {@link LlmStub} reply gives it the stub's next {@code call_N} id. */
  public static ToolCall toolCall(String toolName, String argumentsJson) {
    return new ToolCall("", toolName, argumentsJson);
  }

  /** A new HTTP 429 provider error, error type {@code rate_limit_exceeded}. */
  public static LlmException rateLimitError() {
    return new LlmException("rate_limit_exceeded", 429, "Rate limit reached (stubbed by AgentTrace)");
  }

  /** A new HTTP 500 provider error, error type {@code server_error}. */
  public static LlmException serverError() {
    return new LlmException("server_error", 500, "The server had an error processing the request (stubbed by AgentTrace)");
  }
}
