package dev.agenttrace.examples.clients;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.TextBlock;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A weather agent on the official anthropic-java client: the {@code tool_use} / {@code tool_result} loop of the
 * Messages API, plain or streamed (merged with the SDK's {@link MessageAccumulator}).
 */
public final class AnthropicWeatherAgent {
  private static final int MAX_TURNS = 5;

  private final AnthropicClient client;
  private final String model;
  private final UnaryOperator<String> weather;

  /** {@code weather} answers a {@code get_weather} call: its JSON input to a result text. */
  public AnthropicWeatherAgent(AnthropicClient client, String model, UnaryOperator<String> weather) {
    this.client = client;
    this.model = model;
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
    MessageCreateParams.Builder params = MessageCreateParams.builder()
        .model(model)
        .maxTokens(1024)
        .system("You are a weather assistant.")
        .addUserMessage(question)
        .addTool(weatherTool());
    for (int turn = 0; turn < MAX_TURNS; turn++) {
      Message message = stream ? streamed(params.build()) : client.messages().create(params.build());
      List<ToolUseBlock> calls = message.content().stream().flatMap(block -> block.toolUse().stream()).toList();
      if (calls.isEmpty()) {
        return text(message.content());
      }
      params.addMessage(message);
      List<ContentBlockParam> results = new ArrayList<>();
      for (ToolUseBlock call : calls) {
        results.add(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder().toolUseId(call.id())
            .content(weather.apply(call._input().toString())).build()));
      }
      params.addUserMessageOfContentBlockParams(results);
    }
    throw new IllegalStateException("No answer after " + MAX_TURNS + " turns");
  }

  private Message streamed(MessageCreateParams params) {
    MessageAccumulator accumulator = MessageAccumulator.create();
    try (StreamResponse<RawMessageStreamEvent> events = client.messages().createStreaming(params)) {
      events.stream().forEach(accumulator::accumulate);
    }
    return accumulator.message();
  }

  private static Tool weatherTool() {
    return Tool.builder()
        .name("get_weather")
        .description("Current weather in a city")
        .inputSchema(Tool.InputSchema.builder()
            .properties(JsonValue.from(Map.of("city", Map.of("type", "string"))))
            .required(List.of("city"))
            .build())
        .build();
  }

  private static String text(List<ContentBlock> blocks) {
    return blocks.stream().flatMap(block -> block.text().stream()).map(TextBlock::text).collect(Collectors.joining());
  }
}
