package dev.agenttrace.examples.clients;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.genai.Client;
import com.google.genai.errors.ClientException;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.stubs.gemini.GeminiStub;
import dev.agenttrace.stubs.http.Chaos;
import dev.agenttrace.trace.AgentTrace;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The google-genai agent against {@link GeminiStub}: {@code functionCall} / {@code functionResponse} round trips,
 * streamed chunks, a 429 as the client's {@code ClientException}, and seeded chaos the agent survives (or does not).
 */
@AgentTest
class GeminiWeatherAgentTest {
  private final List<String> toolArguments = new CopyOnWriteArrayList<>();
  private final UnaryOperator<String> weather = arguments -> {
    toolArguments.add(arguments);
    return "18C, sunny";
  };

  private GeminiStub gemini;
  private Client client;

  @BeforeEach
  void setUp(GeminiStub gemini) {
    this.gemini = gemini;
    gemini.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    gemini.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny.");
    this.client = GeminiClients.pointedAt(gemini);
  }

  private GeminiWeatherAgent agent(int attempts) {
    return new GeminiWeatherAgent(client, "gemini-2.5-flash", weather, attempts);
  }

  @Test
  void functionCallRoundTrip(Supplier<AgentTrace> trace) {
    String answer = agent(1).ask("What's the weather in Paris?");

    assertThat(answer).isEqualTo("18°C and sunny.");
    assertThat(toolArguments).containsExactly("{\"city\":\"Paris\"}");
    assertThat(gemini.requests().get(0).model()).isEqualTo("gemini-2.5-flash");
    assertThat(gemini.requests().get(0).messages().get(0).text()).isEqualTo("Answer weather questions briefly.");
    assertThat(gemini.requests().get(1).lastMessage().toolResults().get(0).content())
        .isEqualTo("{\"result\":\"18C, sunny\"}");
    assertThat(trace.get()).llmCalls().hasSize(2);
    assertThat(trace.get().llmCalls().get(0).provider()).contains("gcp.gemini");
  }

  @Test
  void streamingDeliversEachFunctionCallInItsChunk(Supplier<AgentTrace> trace) {
    gemini.whenLastUserMessageContains("Paris and Rome").replyWithToolCalls(
        new ToolCall("", "get_weather", "{\"city\":\"Paris\"}"), new ToolCall("", "get_weather", "{\"city\":\"Rome\"}"))
        .withUsage(40, 9).once();

    String answer = agent(1).askStreaming("Weather in Paris and Rome?");

    assertThat(answer).isEqualTo("18°C and sunny.");
    assertThat(toolArguments).containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"Rome\"}");
    assertThat(gemini.requests().get(1).messages().get(2).toolCalls()).hasSize(2);
    assertThat(trace.get().llmCalls().get(0).usage().inputTokens()).isEqualTo(40);
  }

  @Test
  void rateLimitSurfacesAsClientExceptionWith429() {
    gemini.whenLastUserMessageContains("Rome").failWithRateLimit();

    assertThatThrownBy(() -> agent(1).ask("Weather in Rome?"))
        .isInstanceOfSatisfying(ClientException.class, e -> {
          assertThat(e.code()).isEqualTo(429);
          assertThat(e.status()).isEqualTo("RESOURCE_EXHAUSTED");
        });
  }

  @Test
  void survivesSeededChaosByRetrying(Supplier<AgentTrace> trace) {
    gemini.chaos(Chaos.seed(2).rateLimits(0.25).overloaded(0.1).streamCuts(0.15).malformedSse(0.1)
        .malformedToolArguments(0.1));

    String answer = agent(6).askStreaming("Weather in Paris?");

    assertThat(answer).as(gemini.chaosReport()).isEqualTo("18°C and sunny.");
    assertThat(gemini.injectedFaults()).as(gemini.chaosReport()).isNotEmpty();
    assertThat(trace.get()).llmCalls().recoveredFromFailures();
  }

  @Test
  void doesNotSurviveHeavierChaosAndTheFailureNamesTheSeed(Supplier<AgentTrace> trace) {
    gemini.chaos(Chaos.seed(7).rateLimits(0.5).overloaded(0.4));

    assertThatThrownBy(() -> agent(2).ask("Weather in Paris?")).hasMessageContaining("chaos seed 7");
    assertThatThrownBy(() -> assertThat(trace.get()).llmCalls().recoveredFromFailures())
        .hasMessageContaining("chaos seed 7");
  }
}
