package dev.agenttrace.springai;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Two {@code @AgentTest}s running Spring AI at the same time — both inside a tool call at once — each see only their
 * own Spring AI spans.
 */
class ConcurrentTestsTest {
  /** Where the two tests meet: each tool call waits until the other test's tool call is running too. */
  static final CyclicBarrier BOTH_TOOLS_RUNNING = new CyclicBarrier(2);

  @Test
  void twoConcurrentTestsEachSeeOnlyTheirOwnSpringAiSpans() {
    BOTH_TOOLS_RUNNING.reset();

    EngineTestKit.engine("junit-jupiter")
        .configurationParameters(Map.of("junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"))
        .selectors(selectClass(TwoCities.class))
        .execute()
        .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  /** The two tests, run concurrently by the engine above. */
  @AgentTest
  @Execution(ExecutionMode.CONCURRENT)
  static class TwoCities {
    @Test
    void paris(SpringAiTracing tracing, OpenAiStub openAi, Supplier<AgentTrace> trace) {
      askAndSeeOnlyYourOwnSpans("Paris", tracing, openAi, trace);
    }

    @Test
    void lyon(SpringAiTracing tracing, OpenAiStub openAi, Supplier<AgentTrace> trace) {
      askAndSeeOnlyYourOwnSpans("Lyon", tracing, openAi, trace);
    }

    private static void askAndSeeOnlyYourOwnSpans(String city, SpringAiTracing tracing, OpenAiStub openAi,
        Supplier<AgentTrace> trace) {
      SpringAiWeather.script(openAi, city, "Nice weather in " + city + ".");
      WeatherTools tools = new WeatherTools(ConcurrentTestsTest::meetTheOtherTest);

      SpringAiWeather.client(openAi, tracing, tools).prompt().user("What's the weather in " + city + "?").call()
          .content();

      AgentTrace spans = trace.get();
      assertThat(spans).hasSegmentCount(1).hasLlmCallCount(2).hasNoErrors()
          .calledTool("get_weather").hasArguments("{\"city\":\"" + city + "\"}");
      assertThat(spans.toolInvocations()).hasSize(1);
      assertThat(spans.llmCalls()).allSatisfy(call -> assertThat(call.inputMessages().get(1).text()).contains(city));
    }
  }

  private static void meetTheOtherTest() {
    try {
      BOTH_TOOLS_RUNNING.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException | BrokenBarrierException | TimeoutException notConcurrent) {
      throw new IllegalStateException("the other test's tool call never ran at the same time", notConcurrent);
    }
  }
}
