package dev.agenttrace.examples.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.stubs.gemini.GeminiStub;
import dev.agenttrace.trace.AgentTrace;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LangChain4j weather agent on LangChain4j's Gemini module ({@code GoogleAiGeminiChatModel}, base URL
 * {@code gemini.baseUrl() + "/v1beta"}) against {@link GeminiStub}: tool round trip, streaming, 429.
 */
@AgentTest
class LangChain4jGeminiWeatherAgentTest {
  private static final UnaryOperator<String> WEATHER = arguments -> "{\"tempC\":18,\"sky\":\"sunny\"}";

  private GeminiStub gemini;
  private LangChain4jWeatherAgent agent;

  @BeforeEach
  void setUp(GeminiStub gemini) {
    this.gemini = gemini;
    gemini.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    gemini.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny in Paris.");
    GoogleAiGeminiChatModel model = GoogleAiGeminiChatModel.builder().baseUrl(gemini.baseUrl() + "/v1beta")
        .apiKey("test-key").modelName("gemini-2.5-flash").maxRetries(0).build();
    GoogleAiGeminiStreamingChatModel streaming = GoogleAiGeminiStreamingChatModel.builder()
        .baseUrl(gemini.baseUrl() + "/v1beta").apiKey("test-key").modelName("gemini-2.5-flash").build();
    this.agent = new LangChain4jWeatherAgent(model, streaming, WEATHER);
  }

  @Test
  void toolRoundTrip(Supplier<AgentTrace> trace) {
    assertThat(agent.ask("What's the weather in Paris?")).isEqualTo("18°C and sunny in Paris.");
    assertThat(gemini.requests().get(1).lastMessage().toolResults().get(0).toolName()).isEqualTo("get_weather");
    assertThat(trace.get().llmCalls()).hasSize(2);
  }

  @Test
  void streamingToolRoundTrip() {
    assertThat(agent.askStreaming("And in Paris, streamed?")).isEqualTo("18°C and sunny in Paris.");
    assertThat(gemini.requests()).hasSize(2);
  }

  @Test
  void rateLimitSurfacesAsLangChain4jRateLimitException() {
    gemini.whenLastUserMessageContains("Rome").failWithRateLimit();

    assertThatThrownBy(() -> agent.ask("Weather in Rome?"))
        .isInstanceOf(dev.langchain4j.exception.RateLimitException.class);
  }
}
