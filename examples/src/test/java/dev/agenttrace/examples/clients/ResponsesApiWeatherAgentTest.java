package dev.agenttrace.examples.clients;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.RateLimitException;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.stubs.http.Chaos;
import dev.agenttrace.stubs.http.HttpFault;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.LlmCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The openai-java Responses API agent against {@link OpenAiStub} ({@code /v1/responses}): function calls answered with
 * {@code function_call_output} items chained by {@code previous_response_id}, streamed events merged by the SDK's
 * accumulator, a 429, and seeded chaos the agent survives (or, with too few attempts, does not).
 */
@AgentTest
class ResponsesApiWeatherAgentTest {
  private final List<String> toolArguments = new CopyOnWriteArrayList<>();
  private final UnaryOperator<String> weather = arguments -> {
    toolArguments.add(arguments);
    return "{\"tempC\":18,\"sky\":\"sunny\"}";
  };

  private OpenAiStub openAi;
  private OpenAIClient client;

  @BeforeEach
  void setUp(OpenAiStub openAi) {
    this.openAi = openAi;
    openAi.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    openAi.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny.");
    this.client = OpenAIOkHttpClient.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test").maxRetries(0)
        .timeout(Duration.ofSeconds(30)).build();
  }

  private ResponsesApiWeatherAgent agent(int attempts) {
    return new ResponsesApiWeatherAgent(client, "gpt-4.1", weather, attempts);
  }

  @Test
  void parallelFunctionCallsRoundTripThroughPreviousResponseId(Supplier<AgentTrace> trace) {
    openAi.whenLastUserMessageContains("Paris and Rome").replyWithToolCalls(
        new ToolCall("", "get_weather", "{\"city\":\"Paris\"}"), new ToolCall("", "get_weather", "{\"city\":\"Rome\"}"))
        .once();

    String answer = agent(1).ask("Weather in Paris and Rome?");

    assertThat(answer).isEqualTo("18°C and sunny.");
    assertThat(toolArguments).containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"Rome\"}");
    assertThat(openAi.requestBodies().get(1)).contains("\"previous_response_id\":\"resp_1\"")
        .contains("\"type\":\"function_call_output\"").doesNotContain("Weather in Paris and Rome?");
    assertThat(openAi.requests().get(1).messages()).hasSize(5);
    assertThat(trace.get().llmCalls()).extracting(LlmCall::finishReasons)
        .containsExactly(List.of("tool_call"), List.of("stop"));
  }

  @Test
  void streamingMergesFunctionCallArgumentDeltas(Supplier<AgentTrace> trace) {
    String answer = agent(1).askStreaming("Weather in Paris?");

    assertThat(answer).isEqualTo("18°C and sunny.");
    assertThat(toolArguments).containsExactly("{\"city\":\"Paris\"}");
    assertThat(openAi.requestBodies()).allSatisfy(body -> assertThat(body).contains("\"stream\":true"));
    assertThat(trace.get()).llmCalls().hasSize(2);
  }

  @Test
  void rateLimitSurfacesAsRateLimitException() {
    openAi.whenLastUserMessageContains("Rome").failWith(HttpFault.rateLimit(Duration.ofSeconds(7)));

    assertThatThrownBy(() -> agent(1).ask("Weather in Rome?"))
        .isInstanceOfSatisfying(RateLimitException.class,
            e -> assertThat(e.headers().values("retry-after")).containsExactly("7"));
  }

  @Test
  void survivesSeededChaosByRetrying(Supplier<AgentTrace> trace) {
    openAi.chaos(Chaos.seed(2).rateLimits(0.25).serverErrors(0.1).streamCuts(0.15).malformedSse(0.1)
        .malformedToolArguments(0.1));

    String answer = agent(6).askStreaming("Weather in Paris?");

    assertThat(answer).as(openAi.chaosReport()).isEqualTo("18°C and sunny.");
    assertThat(openAi.injectedFaults()).as(openAi.chaosReport()).isNotEmpty();
    assertThat(trace.get()).llmCalls().recoveredFromFailures();
  }

  @Test
  void doesNotSurviveHeavierChaosAndTheFailureNamesTheSeed(Supplier<AgentTrace> trace) {
    openAi.chaos(Chaos.seed(7).rateLimits(0.5).serverErrors(0.4));

    assertThatThrownBy(() -> agent(2).ask("Weather in Paris?")).hasMessageContaining("chaos seed 7");
    assertThatThrownBy(() -> assertThat(trace.get()).llmCalls().recoveredFromFailures())
        .hasMessageContaining("failed and no call succeeded after it")
        .hasMessageContaining("chaos seed 7");
  }
}
