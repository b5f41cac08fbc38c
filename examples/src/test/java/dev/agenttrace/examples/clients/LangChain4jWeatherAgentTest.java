package dev.agenttrace.examples.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.LlmCall;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LangChain4j agent on {@code OpenAiChatModel} / {@code OpenAiStreamingChatModel} against {@link OpenAiStub}:
 * LangChain4j's own OpenAI parser reads the stub's replies and streams.
 */
@AgentTest
class LangChain4jWeatherAgentTest {
  private static final UnaryOperator<String> WEATHER = arguments -> "{\"tempC\":18,\"sky\":\"sunny\"}";

  private OpenAiStub openAi;
  private LangChain4jWeatherAgent agent;

  @BeforeEach
  void setUp(OpenAiStub openAi) {
    this.openAi = openAi;
    openAi.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    openAi.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny in Paris.");
    OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test")
        .modelName("gpt-4o-mini").maxRetries(0).build();
    OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(openAi.baseUrl())
        .apiKey("sk-test").modelName("gpt-4o-mini").build();
    this.agent = new LangChain4jWeatherAgent(model, streaming, WEATHER);
  }

  @Test
  void toolCallRoundTrip(Supplier<AgentTrace> trace) {
    assertThat(agent.ask("What's the weather in Paris?")).isEqualTo("18°C and sunny in Paris.");

    assertThat(trace.get().llmCalls()).extracting(LlmCall::finishReasons)
        .containsExactly(List.of("tool_call"), List.of("stop"));
    assertThat(openAi.requests().get(0).tools()).extracting(tool -> tool.name()).containsExactly("get_weather");
  }

  @Test
  void streaming(Supplier<AgentTrace> trace) {
    assertThat(agent.askStreaming("What's the weather in Paris?")).isEqualTo("18°C and sunny in Paris.");

    assertThat(openAi.requestBodies()).allSatisfy(body -> assertThat(body).containsPattern("\"stream\"\\s*:\\s*true"));
    assertThat(openAi.requests().get(1).messages().get(2).toolCalls()).singleElement()
        .satisfies(call -> assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}"));
    assertThat(trace.get().llmCalls()).hasSize(2);
  }

  @Test
  void rateLimitSurfacesAsLangChain4jsException() {
    openAi.whenAnyRequest().failWithRateLimit();

    assertThatThrownBy(() -> agent.ask("What's the weather in Paris?"))
        .isInstanceOf(dev.langchain4j.exception.RateLimitException.class)
        .hasMessageContaining("rate_limit_exceeded");
  }
}
