package dev.agenttrace.examples.springai;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.stubs.AgentStubs;
import dev.agenttrace.stubs.LlmReply;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import java.util.List;
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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two tests sharing the one application context — its {@code ChatClient}, chat model and observation handler — run at
 * the same time, both in the middle of an LLM call at once, and each sees only its own Spring AI spans.
 */
@WeatherApplicationTest
class ConcurrentTestsTest {
  /** Where the two tests meet: each one's first LLM call is answered only once the other's is in flight too. */
  static final CyclicBarrier BOTH_CALLS_IN_FLIGHT = new CyclicBarrier(2);

  @Autowired
  OpenAiStub openAi;

  @Test
  void twoConcurrentTestsOfOneApplicationContextEachSeeOnlyTheirOwnSpans() {
    BOTH_CALLS_IN_FLIGHT.reset();
    scriptMeeting("Lyon");
    scriptMeeting("Madrid");

    EngineTestKit.engine("junit-jupiter")
        .configurationParameters(Map.of("junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"))
        .selectors(selectClass(TwoCities.class))
        .execute()
        .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  /** The two tests, run concurrently by the engine above in the same application context. */
  @WeatherApplicationTest
  @AgentTest(globalOpenTelemetry = true)
  @Execution(ExecutionMode.CONCURRENT)
  static class TwoCities {
    @Autowired
    WeatherAssistant assistant;

    @Test
    void lyon(Supplier<AgentTrace> trace) {
      askAndSeeOnlyYourOwnSpans("Lyon", assistant, trace);
    }

    @Test
    void madrid(Supplier<AgentTrace> trace) {
      askAndSeeOnlyYourOwnSpans("Madrid", assistant, trace);
    }

    private static void askAndSeeOnlyYourOwnSpans(String city, WeatherAssistant assistant,
        Supplier<AgentTrace> trace) {
      assertThat(assistant.ask("What's the weather in " + city + "?")).isEqualTo("Nice weather in " + city + ".");

      AgentTrace spans = trace.get();
      assertThat(spans).hasSegmentCount(1).hasLlmCallCount(2).hasToolCallCount(1).hasNoErrors()
          .calledTool("get_weather").hasArguments("{\"city\":\"" + city + "\"}");
      assertThat(spans.llmCalls()).allSatisfy(call -> assertThat(call.inputMessages().get(1).text()).contains(city));
    }
  }

  /** The model asks for {@code city}'s weather once the other test's first call is in flight too, then answers. */
  private void scriptMeeting(String city) {
    openAi.whenLastUserMessageContains(city).reply(LlmReply.computed(request -> {
      meetTheOtherTest();
      return new ChatResponse("resp_" + city, request.model(), Message.assistant("",
          List.of(new ToolCall("call_" + city, "get_weather", "{\"city\":\"" + city + "\"}"))),
          FinishReason.TOOL_CALL, Usage.of(25, 8));
    }));
    openAi.whenLastMessageIsToolResult("get_weather").and(AgentStubs.lastUserMessageContains(city))
        .replyWithText("Nice weather in " + city + ".");
  }

  private static void meetTheOtherTest() {
    try {
      BOTH_CALLS_IN_FLIGHT.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException | BrokenBarrierException | TimeoutException notConcurrent) {
      throw new IllegalStateException("the other test's LLM call was never in flight at the same time", notConcurrent);
    }
  }
}
