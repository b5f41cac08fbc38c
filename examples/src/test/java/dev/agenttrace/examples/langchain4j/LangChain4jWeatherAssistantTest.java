package dev.agenttrace.examples.langchain4j;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.trace.SegmentOutcome.COMPLETED;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.langchain4j.LangChain4jTracing;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The weather agent as a LangChain4j AI service with a {@code @Tool}, on LangChain4j's OpenAI module against
 * {@link OpenAiStub}: the same facts as the native agent's {@code WeatherAgentTest}, in one agent span.
 */
@AgentTest(golden = true)
class LangChain4jWeatherAssistantTest {
  static final String QUESTION = "What's the weather in Paris?";
  static final String ANSWER = "18°C and sunny in Paris.";

  private ChatModel model;

  @BeforeEach
  void stubParis(OpenAiStub openAi) {
    openAi.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    openAi.whenLastMessageIsToolResult("get_weather").replyWithText(ANSWER);
    model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test").modelName("gpt-4o")
        .maxRetries(0).build();
  }

  @Test
  void answersAfterOneToolRound(LangChain4jTracing tracing, Supplier<AgentTrace> trace) {
    WeatherAssistant assistant = tracing.aiService(WeatherAssistant.class, model)
        .tools(new WeatherTools(city -> "{\"tempC\":18,\"sky\":\"sunny\"}")).build();

    Assertions.assertThat(assistant.ask(QUESTION)).isEqualTo(ANSWER);

    assertThat(trace.get())
        .hasSegmentCount(1)
        .hasSegmentOutcomes(COMPLETED)
        .hasLlmCallCount(2)
        .hasNoErrors()
        .calledTool("get_weather").hasArguments("{\"city\": \"Paris\"}").hasResult("{\"sky\":\"sunny\",\"tempC\":18}");
    assertThat(trace.get()).llmCall(0).hasModel("gpt-4o").hasFinishReason(FinishReason.TOOL_CALL)
        .requestedTool("get_weather");
    assertThat(trace.get()).llmCall(1).hasFinishReason(FinishReason.STOP).hasOutputText(ANSWER);
    Assertions.assertThat(trace.get().totalUsage()).isEqualTo(Usage.of(63, 13));
  }

  @Test
  void aFailingToolIsAToolErrorAndTheModelIsToldWhy(OpenAiStub openAi, LangChain4jTracing tracing,
      Supplier<AgentTrace> trace) {
    openAi.whenLastMessageIsToolResult("get_weather").replyWithText("The weather service is down, sorry.");
    WeatherAssistant assistant = tracing.aiService(WeatherAssistant.class, model)
        .tools(new WeatherTools(city -> {
          throw new IllegalStateException("weather service unavailable");
        })).build();

    Assertions.assertThat(assistant.ask(QUESTION)).isEqualTo("The weather service is down, sorry.");

    assertThat(trace.get()).calledTool("get_weather").hasResult("weather service unavailable");
    assertThat(trace.get()).errors().hasSize(1).ofType(IllegalStateException.class.getName())
        .withMessageContaining("weather service unavailable");
    Assertions.assertThat(trace.get().errors()).singleElement()
        .satisfies(error -> Assertions.assertThat(error.span().name()).isEqualTo("execute_tool get_weather"));
    Assertions.assertThat(openAi.requests().get(1).messages().get(3).toolResults()).singleElement()
        .satisfies(result -> Assertions.assertThat(result.content()).isEqualTo("weather service unavailable"));
  }
}
