package dev.agenttrace.springai;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.MessagePart;
import dev.agenttrace.llm.Role;
import dev.agenttrace.llm.TextPart;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.llm.ToolResult;
import dev.agenttrace.llm.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * Spring AI's chat vocabulary ({@link Prompt}, {@link org.springframework.ai.chat.model.ChatResponse}) in AgentTrace's
 * ({@link ChatRequest}, {@link ChatResponse}), so the span writer records typed requests and responses: messages with
 * their tool calls and tool results, the tools offered, the sampling options, finish reason and usage.
 */
final class SpringAiMessages {
  /** The model name recorded when a prompt names none (its options are empty or absent). */
  static final String UNKNOWN_MODEL = "unknown";

  private SpringAiMessages() {}

  /** The request {@code prompt} makes: its model, messages, tools offered, temperature and max tokens. */
  static ChatRequest request(Prompt prompt) {
    ChatOptions options = prompt.getOptions();
    String model = options == null || isBlank(options.getModel()) ? UNKNOWN_MODEL : options.getModel();
    List<Message> messages = new ArrayList<>();
    for (org.springframework.ai.chat.messages.Message message : prompt.getInstructions()) {
      messages.add(message(message));
    }
    if (messages.isEmpty()) {
      messages.add(Message.user(""));
    }
    ChatRequest request = ChatRequest.of(model, messages).withTools(tools(options));
    if (options != null && options.getTemperature() != null) {
      request = request.withTemperature(options.getTemperature());
    }
    if (options != null && options.getMaxTokens() != null) {
      request = request.withMaxTokens(options.getMaxTokens());
    }
    return request;
  }

  /**
   * The reply in {@code response} (its first generation, as Spring AI's {@code getResult()}), with {@code usage} as
   * this call's own usage, and {@code requestModel} when the response names no model.
   */
  static ChatResponse response(org.springframework.ai.chat.model.ChatResponse response, Usage usage,
      String requestModel) {
    ChatResponseMetadata metadata = response.getMetadata();
    String id = metadata == null || metadata.getId() == null ? "" : metadata.getId();
    String model = metadata == null || isBlank(metadata.getModel()) ? requestModel : metadata.getModel();
    Generation generation = response.getResult();
    if (generation == null || generation.getOutput() == null) {
      return new ChatResponse(id, model, Message.assistant(""), FinishReason.STOP, usage);
    }
    List<ToolCall> toolCalls = toolCalls(generation.getOutput());
    String text = generation.getOutput().getText();
    String finish = generation.getMetadata() == null ? null : generation.getMetadata().getFinishReason();
    return new ChatResponse(id, model, Message.assistant(text, toolCalls), finishReason(finish, toolCalls), usage);
  }

  /** The tool calls an assistant message requests, in order. */
  static List<ToolCall> toolCalls(AssistantMessage message) {
    List<ToolCall> calls = new ArrayList<>();
    for (AssistantMessage.ToolCall call : message.getToolCalls()) {
      calls.add(new ToolCall(call.id() == null ? "" : call.id(), call.name(), call.arguments()));
    }
    return calls;
  }

  /** The usage Spring AI reports ({@code null} counts as 0). */
  static Usage usage(org.springframework.ai.chat.metadata.Usage usage) {
    if (usage == null) {
      return Usage.NONE;
    }
    return Usage.of(tokens(usage.getPromptTokens()), tokens(usage.getCompletionTokens()));
  }

  private static Message message(org.springframework.ai.chat.messages.Message message) {
    switch (message.getMessageType()) {
      case SYSTEM:
        return Message.system(text(message.getText()));
      case ASSISTANT:
        AssistantMessage assistant = (AssistantMessage) message;
        return Message.assistant(assistant.getText(), toolCalls(assistant));
      case TOOL:
        List<MessagePart> results = new ArrayList<>();
        for (ToolResponseMessage.ToolResponse response : ((ToolResponseMessage) message).getResponses()) {
          results.add(new ToolResult(text(response.id()), text(response.name()), text(response.responseData())));
        }
        return new Message(Role.TOOL, results);
      case USER:
      default:
        return new Message(Role.USER, List.of(new TextPart(text(message.getText()))));
    }
  }

  /** The tools the options offer: their callbacks' definitions, then tools named only (resolved by Spring AI later). */
  private static List<ToolDefinition> tools(ChatOptions options) {
    if (!(options instanceof ToolCallingChatOptions toolOptions)) {
      return List.of();
    }
    Map<String, ToolDefinition> tools = new LinkedHashMap<>();
    List<ToolCallback> callbacks = toolOptions.getToolCallbacks();
    for (ToolCallback callback : callbacks == null ? List.<ToolCallback>of() : callbacks) {
      var definition = callback.getToolDefinition();
      tools.putIfAbsent(definition.name(),
          ToolDefinition.of(definition.name(), definition.description(), definition.inputSchema()));
    }
    for (String name : SpringAiVersions.toolNames(toolOptions)) {
      tools.putIfAbsent(name, ToolDefinition.of(name, "", null));
    }
    return List.copyOf(tools.values());
  }

  /**
   * Spring AI passes the provider's finish reason through ({@code TOOL_CALLS}, {@code STOP}, {@code end_turn} …); one
   * AgentTrace does not know, or none, is read from the reply itself: tool calls or a stop.
   */
  private static FinishReason finishReason(String value, List<ToolCall> toolCalls) {
    if (!isBlank(value)) {
      try {
        return FinishReason.fromWireValue(value);
      } catch (IllegalArgumentException unknownToAgentTrace) {
        // fall through to what the reply shows
      }
    }
    return toolCalls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALL;
  }

  private static long tokens(Integer count) {
    return count == null || count < 0 ? 0 : count;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
