package dev.agenttrace.examples.langchain4j;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.langchain4j.LangChain4jTracing;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The weather agent as a two-agent {@code langchain4j-agentic} sequence: the desk's span holds the picker's and the
 * reporter's, each with its own LLM calls; the reporter's tool call sits under the reporter.
 */
@AgentTest(golden = true)
class WeatherDeskTest {
  private ChatModel model;

  @BeforeEach
  void stub(OpenAiStub openAi, LangChain4jTracing tracing) {
    openAi.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    openAi.whenLastMessageIsToolResult("get_weather").replyWithText(LangChain4jWeatherAssistantTest.ANSWER);
    openAi.whenLastUserMessageContains("Which city").replyWithText("Paris");
    model = tracing.chatModel(OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test")
        .modelName("gpt-4o").maxRetries(0).build());
  }

  @Test
  void thePickerThenTheReporterAnswer(LangChain4jTracing tracing, Supplier<AgentTrace> trace) {
    WeatherDesk desk = new WeatherDesk(model, new WeatherTools(city -> "{\"tempC\":18,\"sky\":\"sunny\"}"),
        tracing.agentListener(), tracing.toolExecutionErrorHandler());

    Assertions.assertThat(desk.ask(LangChain4jWeatherAssistantTest.QUESTION))
        .isEqualTo(LangChain4jWeatherAssistantTest.ANSWER);

    AgentTrace spans = trace.get();
    assertThat(spans).hasLlmCallCount(3).hasNoErrors()
        .calledTool("get_weather").hasArguments("{\"city\": \"Paris\"}").hasResult("{\"sky\":\"sunny\",\"tempC\":18}");
    TraceSpan deskSpan = Assertions.assertThat(spans.roots()).singleElement().actual();
    Assertions.assertThat(deskSpan.name()).isEqualTo("invoke_agent WeatherDesk");
    Assertions.assertThat(deskSpan.children()).extracting(TraceSpan::name)
        .containsExactly("invoke_agent CityPicker", "invoke_agent WeatherReporter");
    Assertions.assertThat(deskSpan.children().get(1).children()).extracting(TraceSpan::name)
        .containsExactly("chat gpt-4o", "execute_tool get_weather", "chat gpt-4o");
    Assertions.assertThat(spans.totalUsage().inputTokens()).isPositive();
    Assertions.assertThat(spans.segments()).extracting(segment -> segment.usage())
        .contains(Usage.NONE); // the desk itself calls no model: its calls are its agents'
  }

  @Test
  void aFailingToolIsAToolErrorUnderTheReporter(OpenAiStub openAi, LangChain4jTracing tracing,
      Supplier<AgentTrace> trace) {
    openAi.whenLastMessageIsToolResult("get_weather").replyWithText("The weather service is down, sorry.");
    WeatherDesk desk = new WeatherDesk(model, new WeatherTools(city -> {
      throw new IllegalStateException("weather service unavailable");
    }), tracing.agentListener(), tracing.toolExecutionErrorHandler());

    Assertions.assertThat(desk.ask(LangChain4jWeatherAssistantTest.QUESTION))
        .isEqualTo("The weather service is down, sorry.");

    AgentTrace spans = trace.get();
    Assertions.assertThat(spans.errors()).singleElement().satisfies(error -> {
      Assertions.assertThat(error.type()).isEqualTo(IllegalStateException.class.getName());
      Assertions.assertThat(spans.parentOf(error.span()).orElseThrow().name())
          .isEqualTo("invoke_agent WeatherReporter");
    });
  }
}
