package dev.agenttrace.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.CustomMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.stream.Collectors;

/** Converts LangChain4j's chat requests and responses into AgentTrace's provider-neutral model ({@code llm}). */
final class ChatConversion {
  /** The model name recorded when neither the request nor the model's defaults name one. */
  static final String UNKNOWN_MODEL = "unknown";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChatConversion() {}

  static ChatRequest request(dev.langchain4j.model.chat.request.ChatRequest request) {
    ChatRequestParameters parameters = request.parameters();
    String model = parameters == null || parameters.modelName() == null ? UNKNOWN_MODEL : parameters.modelName();
    List<Message> messages = request.messages().stream().map(ChatConversion::message).toList();
    List<ToolDefinition> tools = parameters == null || parameters.toolSpecifications() == null ? List.of()
        : parameters.toolSpecifications().stream().map(ChatConversion::tool).toList();
    Integer maxTokens = parameters == null ? null : parameters.maxOutputTokens();
    Double temperature = parameters == null ? null : parameters.temperature();
    return new ChatRequest(model, messages, tools, temperature, maxTokens);
  }

  static ChatResponse response(dev.langchain4j.model.chat.response.ChatResponse response, String requestedModel) {
    AiMessage reply = response.aiMessage();
    List<ToolCall> calls = reply.hasToolExecutionRequests()
        ? reply.toolExecutionRequests().stream().map(ChatConversion::toolCall).toList() : List.of();
    Message message = Message.assistant(reply.text(), calls);
    String id = response.id() == null ? "" : response.id();
    String model = response.modelName() == null ? requestedModel : response.modelName();
    return new ChatResponse(id, model, message, finishReason(response.finishReason(), !calls.isEmpty()),
        usage(response.tokenUsage()));
  }

  static ToolCall toolCall(ToolExecutionRequest request) {
    return new ToolCall(request.id() == null ? "" : request.id(), request.name(), request.arguments());
  }

  private static Message message(ChatMessage message) {
    if (message instanceof SystemMessage system) {
      return Message.system(system.text());
    }
    if (message instanceof UserMessage user) {
      return new Message(Role.USER, List.of(new TextPart(userText(user))));
    }
    if (message instanceof AiMessage ai) {
      List<ToolCall> calls = ai.hasToolExecutionRequests()
          ? ai.toolExecutionRequests().stream().map(ChatConversion::toolCall).toList() : List.of();
      return Message.assistant(ai.text(), calls);
    }
    if (message instanceof ToolExecutionResultMessage result) {
      String id = result.id() == null ? "" : result.id();
      List<MessagePart> parts = List.of(new ToolResult(id, result.toolName(), String.valueOf(result.text())));
      return new Message(Role.TOOL, parts);
    }
    if (message instanceof CustomMessage custom) {
      return new Message(Role.USER, List.of(new TextPart(String.valueOf(custom.attributes()))));
    }
    return new Message(Role.USER, List.of(new TextPart(String.valueOf(message))));
  }

  /** The text of a user message; other content (images, audio …) as a placeholder naming its type. */
  private static String userText(UserMessage user) {
    if (user.hasSingleText()) {
      return user.singleText();
    }
    return user.contents().stream().map(ChatConversion::contentText).collect(Collectors.joining("\n"));
  }

  private static String contentText(Content content) {
    return content instanceof TextContent text ? text.text() : "[" + content.type().name().toLowerCase() + "]";
  }

  private static ToolDefinition tool(ToolSpecification specification) {
    return ToolDefinition.of(specification.name(), specification.description(), schema(specification.parameters()));
  }

  private static String schema(JsonObjectSchema parameters) {
    if (parameters == null) {
      return null;
    }
    try {
      return JSON.writeValueAsString(JsonSchemaElementUtils.toMap(parameters));
    } catch (JsonProcessingException | RuntimeException e) {
      return null; // recorded as an open object schema: the tool's name and description still show
    }
  }

  private static FinishReason finishReason(dev.langchain4j.model.output.FinishReason reason, boolean hasToolCalls) {
    if (reason == null || reason == dev.langchain4j.model.output.FinishReason.OTHER) {
      return hasToolCalls ? FinishReason.TOOL_CALL : FinishReason.STOP;
    }
    return switch (reason) {
      case LENGTH -> FinishReason.LENGTH;
      case TOOL_EXECUTION -> FinishReason.TOOL_CALL;
      case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
      default -> FinishReason.STOP;
    };
  }

  private static Usage usage(TokenUsage usage) {
    if (usage == null) {
      return Usage.NONE;
    }
    return Usage.of(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()));
  }

  private static long orZero(Integer count) {
    return count == null ? 0 : count;
  }
}
