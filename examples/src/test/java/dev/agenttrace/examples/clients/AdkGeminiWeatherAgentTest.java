package dev.agenttrace.examples.clients;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.genai.errors.ClientException;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.llm.Role;
import dev.agenttrace.stubs.gemini.GeminiStub;
import dev.agenttrace.trace.AgentTrace;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Google ADK Java agent ({@link AdkWeatherAgent}) against {@link GeminiStub}: ADK's own function call loop
 * (generateContent and streamGenerateContent), offline, through the {@code google-genai} client ADK is given.
 */
@AgentTest
class AdkGeminiWeatherAgentTest {
  private final List<String> cities = new CopyOnWriteArrayList<>();
  private final UnaryOperator<String> weather = city -> {
    cities.add(city);
    return "18C, sunny";
  };

  private GeminiStub gemini;
  private AdkWeatherAgent agent;

  @BeforeEach
  void setUp(GeminiStub gemini) {
    this.gemini = gemini;
    gemini.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    gemini.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny.");
    this.agent = new AdkWeatherAgent(GeminiClients.pointedAt(gemini), "gemini-2.5-flash", weather);
  }

  @Test
  void adkRunsTheFunctionCallRoundTrip(Supplier<AgentTrace> trace) {
    String answer = agent.ask("What's the weather in Paris?");

    assertThat(answer).isEqualTo("18°C and sunny.");
    assertThat(cities).containsExactly("Paris");
    assertThat(gemini.requests().get(0).tools()).extracting(tool -> tool.name()).containsExactly("get_weather");
    assertThat(gemini.requests().get(1).messages()).extracting(message -> message.role())
        .endsWith(Role.ASSISTANT, Role.TOOL);
    assertThat(gemini.requests().get(1).lastMessage().toolResults().get(0).content())
        .isEqualTo("{\"result\":\"18C, sunny\"}");
    assertThat(trace.get()).llmCalls().hasSize(2);
    assertThat(trace.get()).llmCall(0).requestedToolWithArguments("get_weather", "{\"city\":\"Paris\"}");
  }

  @Test
  void adkStreamsThroughStreamGenerateContent() {
    String answer = agent.askStreaming("What's the weather in Paris?");

    assertThat(answer).isEqualTo("18°C and sunny.");
    assertThat(cities).containsExactly("Paris");
    assertThat(gemini.requestCount()).isEqualTo(2);
  }

  @Test
  void aRateLimitReachesTheAdkCaller() {
    gemini.whenLastUserMessageContains("Rome").failWithRateLimit();

    // ADK's runner hands the client's exception on wrapped (RuntimeException, ExecutionException)
    assertThatThrownBy(() -> agent.ask("Weather in Rome?")).rootCause()
        .isInstanceOfSatisfying(ClientException.class, e -> {
          assertThat(e.code()).isEqualTo(429);
          assertThat(e.status()).isEqualTo("RESOURCE_EXHAUSTED");
        });
  }
}
