package dev.agenttrace.examples.clients;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A weather agent on the official openai-java client: asks the model, runs the {@code get_weather} tool calls it
 * requests, sends the results back, and returns the final answer. {@link #askStreaming} does the same over SSE,
 * merging chunks with the SDK's {@link ChatCompletionAccumulator}. Nothing in it knows about tests.
 */
public final class OpenAiWeatherAgent {
  private static final int MAX_TURNS = 5;

  private final OpenAIClient client;
  private final String model;
  private final UnaryOperator<String> weather;

  /** {@code weather} answers a {@code get_weather} call: its JSON arguments to a result text. */
  public OpenAiWeatherAgent(OpenAIClient client, String model, UnaryOperator<String> weather) {
    this.client = client;
    this.model = model;
    this.weather = weather;
  }

  /** Answers {@code question}, calling tools as the model asks. */
  public String ask(String question) {
    return loop(question, false);
  }

  /** Same as {@link #ask}, every model call streamed. */
  public String askStreaming(String question) {
    return loop(question, true);
  }

  private String loop(String question, boolean stream) {
    ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
        .model(model)
        .addSystemMessage("You are a weather assistant.")
        .addUserMessage(question)
        .addTool(weatherTool());
    for (int turn = 0; turn < MAX_TURNS; turn++) {
      ChatCompletionMessage message = stream ? streamed(params) : client.chat().completions()
          .create(params.build()).choices().get(0).message();
      List<ChatCompletionMessageToolCall> calls = message.toolCalls().orElse(List.of());
      if (calls.isEmpty()) {
        return message.content().orElse("");
      }
      params.addMessage(message);
      for (ChatCompletionMessageToolCall call : calls) {
        ChatCompletionMessageFunctionToolCall function = call.asFunction();
        params.addMessage(ChatCompletionToolMessageParam.builder().toolCallId(function.id())
            .content(weather.apply(function.function().arguments())).build());
      }
    }
    throw new IllegalStateException("No answer after " + MAX_TURNS + " turns");
  }

  private ChatCompletionMessage streamed(ChatCompletionCreateParams.Builder params) {
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    ChatCompletionCreateParams request = params.build().toBuilder()
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
    try (StreamResponse<ChatCompletionChunk> chunks = client.chat().completions().createStreaming(request)) {
      chunks.stream().forEach(accumulator::accumulate);
    }
    ChatCompletion completion = accumulator.chatCompletion();
    return completion.choices().get(0).message();
  }

  private static ChatCompletionFunctionTool weatherTool() {
    return ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
        .name("get_weather")
        .description("Current weather in a city")
        .parameters(FunctionParameters.builder()
            .putAdditionalProperty("type", JsonValue.from("object"))
            .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
            .putAdditionalProperty("required", JsonValue.from(List.of("city")))
            .build())
        .build()).build();
  }
}
