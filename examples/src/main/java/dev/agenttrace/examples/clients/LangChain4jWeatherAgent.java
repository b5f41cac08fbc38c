package dev.agenttrace.examples.clients;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;

/**
 * A weather agent on LangChain4j's low-level chat API (works with any provider module, e.g. {@code OpenAiChatModel}):
 * runs the tool calls the model asks for and returns the final answer; {@link #askStreaming} uses a
 * {@link StreamingChatModel}.
 */
public final class LangChain4jWeatherAgent {
  private static final int MAX_TURNS = 5;
  private static final ToolSpecification WEATHER = ToolSpecification.builder()
      .name("get_weather")
      .description("Current weather in a city")
      .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build())
      .build();

  private final ChatModel model;
  private final StreamingChatModel streamingModel;
  private final UnaryOperator<String> weather;

  /** Either model may be {@code null} when only the other mode is used. */
  public LangChain4jWeatherAgent(ChatModel model, StreamingChatModel streamingModel, UnaryOperator<String> weather) {
    this.model = model;
    this.streamingModel = streamingModel;
    this.weather = weather;
  }

  public String ask(String question) {
    return loop(question, false);
  }

  /** Same as {@link #ask}, every model call streamed. */
  public String askStreaming(String question) {
    return loop(question, true);
  }

  private String loop(String question, boolean stream) {
    List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from("You are a weather assistant."),
        UserMessage.from(question)));
    for (int turn = 0; turn < MAX_TURNS; turn++) {
      ChatRequest request = ChatRequest.builder().messages(messages).toolSpecifications(List.of(WEATHER)).build();
      AiMessage reply = (stream ? streamed(request) : model.chat(request)).aiMessage();
      if (!reply.hasToolExecutionRequests()) {
        return reply.text();
      }
      messages.add(reply);
      for (ToolExecutionRequest call : reply.toolExecutionRequests()) {
        messages.add(ToolExecutionResultMessage.from(call, weather.apply(call.arguments())));
      }
    }
    throw new IllegalStateException("No answer after " + MAX_TURNS + " turns");
  }

  private ChatResponse streamed(ChatRequest request) {
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    streamingModel.chat(request, new StreamingChatResponseHandler() {
      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });
    try {
      return done.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }
}
