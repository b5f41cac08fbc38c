package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a reply produces for a request before its modifiers apply: a text or tool call message completed with the
 * stub's defaults, a given or computed response, or a thrown {@link LlmException}.
 *
 * @param description for descriptions of stubbings, e.g. {@code text "18°C and sunny"}
 * @param producer makes the response (or throws)
 */
record ReplyBody(String description, BiFunction<ChatRequest, ResponseDefaults, ChatResponse> producer) {

  ChatResponse produce(ChatRequest request, ResponseDefaults defaults) {
    return producer.apply(request, defaults);
  }

  static ReplyBody text(String text) {
    Objects.requireNonNull(text, "text");
    return message("text " + Text.quote(text), FinishReason.STOP, defaults -> Message.assistant(text));
  }

  /** One tool call that gets the stub's next {@code call_N} id. */
  static ReplyBody toolCall(String toolName, String argumentsJson) {
    return toolCalls(AgentStubs.toolCall(toolName, argumentsJson));
  }

  /** Tool calls; a call with a blank id gets the stub's next {@code call_N} id. */
  static ReplyBody toolCalls(ToolCall... calls) {
    List<ToolCall> copy = List.of(calls);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("A tool call reply needs at least one tool call");
    }
    String description = "tool call " + copy.stream().map(ConversationText::toolCall).collect(Collectors.joining(", "));
    return message(description, FinishReason.TOOL_CALL, defaults -> Message.assistant(null, copy.stream()
        .map(call -> call.id().isBlank() ? new ToolCall(defaults.nextCallId(), call.name(), call.arguments()) : call)
        .toList()));
  }

  static ReplyBody response(ChatResponse response) {
    Objects.requireNonNull(response, "response");
    return computed("response " + Text.quote(response.text()), request -> response);
  }

  static ReplyBody computed(Function<ChatRequest, ChatResponse> function) {
    return computed("computed reply", function);
  }

  private static ReplyBody computed(String description, Function<ChatRequest, ChatResponse> function) {
    Objects.requireNonNull(function, "function");
    return new ReplyBody(description,
        (request, defaults) -> Objects.requireNonNull(function.apply(request), "the reply function returned null"));
  }

  /** Throws exactly {@code exception}, the same instance on every use. */
  static ReplyBody failure(LlmException exception) {
    Objects.requireNonNull(exception, "exception");
    return failure(() -> exception);
  }

  /** Throws a new {@link AgentStubs#rateLimitError()} on every use. */
  static ReplyBody rateLimit() {
    return failure(AgentStubs::rateLimitError);
  }

  /** Throws a new {@link AgentStubs#serverError()} on every use. */
  static ReplyBody serverError() {
    return failure(AgentStubs::serverError);
  }

  private static ReplyBody failure(Supplier<LlmException> failure) {
    LlmException example = failure.get();
    String description = "failure " + example.errorType()
        + (example.statusCode() == 0 ? "" : " (HTTP " + example.statusCode() + ")");
    return new ReplyBody(description, (request, defaults) -> {
      throw failure.get();
    });
  }

  private static ReplyBody message(String description, FinishReason finishReason,
      Function<ResponseDefaults, Message> message) {
    return new ReplyBody(description, (request, defaults) -> {
      Message output = message.apply(defaults);
      return new ChatResponse(defaults.nextResponseId(), defaults.model(request), output, finishReason,
          UsageEstimate.of(request, output));
    });
  }
}
