package dev.agenttrace.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Two tests running at the same time each see only their own framework spans. */
class ParallelIsolationTest {
  /** Both tests' tool calls meet here, so both AI-service calls are in flight at once. */
  static final CyclicBarrier BOTH_IN_FLIGHT = new CyclicBarrier(2);

  /** A tool that waits for the other test's tool call before answering. */
  static final class MeetingTools {
    @Tool(name = "get_weather", value = "Current weather in a city")
    String getWeather(@P(name = "city", value = "The city") String city) throws Exception {
      BOTH_IN_FLIGHT.await(30, TimeUnit.SECONDS);
      return "{\"city\":\"" + city + "\"}";
    }
  }

  @AgentTest
  static class TwoCities {
    @Test
    void paris(OpenAiStub openAi, LangChain4jTracing tracing, Supplier<AgentTrace> trace) {
      askAndCheck("Paris", openAi, tracing, trace);
    }

    @Test
    void rome(OpenAiStub openAi, LangChain4jTracing tracing, Supplier<AgentTrace> trace) {
      askAndCheck("Rome", openAi, tracing, trace);
    }

    private static void askAndCheck(String city, OpenAiStub openAi, LangChain4jTracing tracing,
        Supplier<AgentTrace> trace) {
      openAi.whenLastUserMessageContains(city).replyWithToolCall("get_weather", "{\"city\":\"" + city + "\"}");
      openAi.whenLastMessageIsToolResult("get_weather").replyWithText("Sunny in " + city + ".");
      WeatherAssistant assistant = tracing.aiService(WeatherAssistant.class, OpenAiChatModel.builder()
          .baseUrl(openAi.baseUrl()).apiKey("sk-test").modelName("gpt-4o").maxRetries(0).build())
          .tools(new MeetingTools()).build();

      assertThat(assistant.ask("What's the weather in " + city + "?")).isEqualTo("Sunny in " + city + ".");

      AgentTrace spans = trace.get();
      assertThat(spans.segments()).hasSize(1);
      assertThat(spans.llmCalls()).hasSize(2);
      assertThat(spans.toolInvocations()).singleElement()
          .satisfies(tool -> assertThat(tool.arguments()).hasValueSatisfying(args -> assertThat(args).contains(city)));
      assertThat(spans.spans()).extracting(TraceSpan::traceId).containsOnly(spans.roots().get(0).traceId());
    }
  }

  @Test
  void concurrentTestsEachSeeOnlyTheirOwnSpans() {
    EngineTestKit.engine("junit-jupiter")
        .configurationParameters(Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"))
        .selectors(selectClass(TwoCities.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));
  }
}
