package dev.agenttrace.examples.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A weather agent on openai-java's Responses API: asks with a {@code get_weather} function tool, runs the function
 * calls the model returns (several per response), answers them as {@code function_call_output} items chained by
 * {@code previous_response_id}, until the model answers in text. {@link #askStreaming} reads named stream events
 * through the SDK's {@link ResponseAccumulator}. Each model call is retried (up to {@code attempts}) on the client's
 * errors, on a stream that ended before {@code response.completed}, and on tool arguments that are not JSON.
 */
public final class ResponsesApiWeatherAgent {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TOOL_TURNS = 8;
  private static final FunctionTool GET_WEATHER = FunctionTool.builder().name("get_weather")
      .description("Current weather of a city").strict(false)
      .parameters(FunctionTool.Parameters.builder()
          .putAdditionalProperty("type", JsonValue.from("object"))
          .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
          .putAdditionalProperty("required", JsonValue.from(List.of("city")))
          .build())
      .build();

  private final OpenAIClient client;
  private final String model;
  private final UnaryOperator<String> weather;
  private final int attempts;

  /** {@code weather} answers {@code get_weather} from its JSON arguments; {@code attempts} per model call. */
  public ResponsesApiWeatherAgent(OpenAIClient client, String model, UnaryOperator<String> weather, int attempts) {
    this.client = client;
    this.model = model;
    this.weather = weather;
    this.attempts = attempts;
  }

  public String ask(String question) {
    return run(question, false);
  }

  public String askStreaming(String question) {
    return run(question, true);
  }

  private String run(String question, boolean streaming) {
    Response response = call(params().input(question).build(), streaming);
    for (int turn = 1; response.output().stream().anyMatch(ResponseOutputItem::isFunctionCall); turn++) {
      if (turn > MAX_TOOL_TURNS) {
        throw new IllegalStateException("The model still asks for tools after " + MAX_TOOL_TURNS + " turns");
      }
      List<ResponseInputItem> outputs = new ArrayList<>();
      for (ResponseOutputItem item : response.output()) {
        if (item.isFunctionCall()) {
          ResponseFunctionToolCall call = item.asFunctionCall();
          outputs.add(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
              .callId(call.callId()).output(weather.apply(call.arguments())).build()));
        }
      }
      response = call(params().previousResponseId(response.id())
          .input(ResponseCreateParams.Input.ofResponse(outputs)).build(), streaming);
    }
    return response.output().stream().filter(ResponseOutputItem::isMessage)
        .flatMap(item -> item.asMessage().content().stream())
        .filter(content -> content.isOutputText()).map(content -> content.asOutputText().text())
        .collect(Collectors.joining());
  }

  private ResponseCreateParams.Builder params() {
    return ResponseCreateParams.builder().model(model).instructions("Answer weather questions briefly.")
        .addTool(GET_WEATHER);
  }

  private Response call(ResponseCreateParams params, boolean streaming) {
    return Retrying.call(attempts, e -> e instanceof OpenAIException || e instanceof IllegalStateException, () -> {
      Response response = streaming ? stream(params) : client.responses().create(params);
      for (ResponseOutputItem item : response.output()) {
        if (item.isFunctionCall()) {
          requireJson(item.asFunctionCall().arguments());
        }
      }
      return response;
    });
  }

  private Response stream(ResponseCreateParams params) {
    ResponseAccumulator accumulator = ResponseAccumulator.create();
    try (StreamResponse<ResponseStreamEvent> events = client.responses().createStreaming(params)) {
      events.stream().forEach(accumulator::accumulate);
    }
    return accumulator.response();
  }

  private static void requireJson(String arguments) {
    try {
      JSON.readTree(arguments);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The model sent tool arguments that are not JSON: " + arguments, e);
    }
  }
}
