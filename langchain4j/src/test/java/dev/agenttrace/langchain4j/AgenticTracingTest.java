package dev.agenttrace.langchain4j;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import dev.langchain4j.agentic.AgenticServices;
import dev.langchain4j.agentic.UntypedAgent;
import dev.langchain4j.agentic.Agent;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A two-agent {@code langchain4j-agentic} sequence: nested agent spans, each with its own LLM and tool calls. */
@AgentTest
class AgenticTracingTest {
  /** Finds the city a question is about. */
  public interface CityPicker {
    @UserMessage("Which city is this question about? Answer with the city only. {{question}}")
    @Agent(description = "Finds the city of a weather question", outputKey = "city")
    String pick(@V("question") String question);
  }

  /** Answers with the weather of a city, using get_weather. */
  public interface WeatherReporter {
    @UserMessage("What's the weather in {{city}}?")
    @Agent(description = "Reports the weather of a city", outputKey = "answer")
    String report(@V("city") String city);
  }

  private OpenAiStub openAi;
  private ChatModel model;

  @BeforeEach
  void stub(OpenAiStub openAi, LangChain4jTracing tracing) {
    this.openAi = openAi;
    openAi.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    openAi.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny in Paris.");
    openAi.whenLastUserMessageContains("Which city").replyWithText("Paris");
    model = tracing.chatModel(OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test")
        .modelName("gpt-4o").maxRetries(0).build());
  }

  private UntypedAgent sequence(LangChain4jTracing tracing, boolean toolFails) {
    CityPicker picker = AgenticServices.agentBuilder(CityPicker.class).chatModel(model).build();
    WeatherReporter reporter = AgenticServices.agentBuilder(WeatherReporter.class).chatModel(model)
        .tools(new WeatherTools(toolFails)).toolExecutionErrorHandler(tracing.toolExecutionErrorHandler()).build();
    return AgenticServices.sequenceBuilder().name("WeatherDesk").subAgents(picker, reporter).outputKey("answer")
        .listener(tracing.agentListener()).build();
  }

  @Test
  void eachAgentIsANestedAgentSpanWithItsOwnCalls(LangChain4jTracing tracing, Supplier<AgentTrace> trace) {
    Object answer = sequence(tracing, false).invoke(Map.of("question", "What's the weather in Paris?"));

    Assertions.assertThat(answer).isEqualTo("18°C and sunny in Paris.");
    AgentTrace spans = trace.get();
    assertThat(spans).hasLlmCallCount(3).hasNoErrors()
        .calledTool("get_weather").hasArguments("{\"city\": \"Paris\"}").hasResult("{\"sky\":\"sunny\",\"tempC\":18}");
    TraceSpan desk = Assertions.assertThat(spans.roots()).singleElement().actual();
    Assertions.assertThat(desk.name()).isEqualTo("invoke_agent WeatherDesk");
    Assertions.assertThat(desk.children()).extracting(TraceSpan::name)
        .containsExactly("invoke_agent pick", "invoke_agent report");
    TraceSpan picker = desk.children().get(0);
    TraceSpan reporter = desk.children().get(1);
    Assertions.assertThat(picker.children()).extracting(TraceSpan::name).containsExactly("chat gpt-4o");
    Assertions.assertThat(reporter.children()).extracting(TraceSpan::name)
        .containsExactly("chat gpt-4o", "execute_tool get_weather", "chat gpt-4o");
    Assertions.assertThat(spans.segments()).hasSize(3);
  }

  @Test
  void aFailingToolInASubAgentIsAToolErrorUnderThatAgent(LangChain4jTracing tracing, Supplier<AgentTrace> trace) {
    openAi.whenLastMessageIsToolResult("get_weather").replyWithText("The weather service is down.");

    sequence(tracing, true).invoke(Map.of("question", "What's the weather in Paris?"));

    AgentTrace spans = trace.get();
    Assertions.assertThat(spans.errors()).singleElement().satisfies(error -> {
      Assertions.assertThat(error.type()).isEqualTo(IllegalStateException.class.getName());
      Assertions.assertThat(spans.parentOf(error.span()).orElseThrow().name()).isEqualTo("invoke_agent report");
    });
  }
}
