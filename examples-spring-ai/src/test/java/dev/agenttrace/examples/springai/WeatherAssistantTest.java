package dev.agenttrace.examples.springai;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SegmentOutcome;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The weather agent as a Spring AI {@code ChatClient} application, under {@code @SpringBootTest}: the application's
 * own beans answer, Spring AI's observations (traced by agenttrace-spring-ai's test auto-configuration) are the trace,
 * and it asserts what {@code WeatherAgentTest} asserts of the native agent. Spring AI runs the tool inside one
 * {@code ChatClient} call, so the trace has one agent segment where the durable agent has two.
 */
@WeatherApplicationTest
@AgentTest(globalOpenTelemetry = true, golden = true)
class WeatherAssistantTest {
  @Autowired
  WeatherAssistant assistant;

  @Test
  void answersAfterOneToolRound(Supplier<AgentTrace> trace) {
    String answer = assistant.ask("What's the weather in Paris?");

    assertThat(answer).isEqualTo(StubbedOpenAi.PARIS_ANSWER);
    assertThat(trace.get())
        .hasSegmentCount(1)
        .hasSegmentOutcomes(SegmentOutcome.COMPLETED)
        .hasLlmCallCount(2)
        .hasNoErrors()
        .calledTool("get_weather").hasArguments("{\"city\": \"Paris\"}").hasResult("{\"sky\":\"sunny\",\"tempC\":18}");
    assertThat(trace.get()).llmCall(0).hasModel("gpt-4o").hasFinishReason(FinishReason.TOOL_CALL)
        .requestedTool("get_weather");
    assertThat(trace.get()).llmCall(1).hasFinishReason(FinishReason.STOP).hasOutputText(StubbedOpenAi.PARIS_ANSWER);
    assertThat(trace.get().totalUsage()).isEqualTo(Usage.of(63, 13));
    assertThat(trace.get().segments().get(0).agentName()).isEqualTo("WeatherAgent");
  }

  @Test
  void aFailingToolIsAToolErrorAndTheModelHearsOfIt(Supplier<AgentTrace> trace) {
    String answer = assistant.ask("What's the weather in Atlantis?");

    assertThat(answer).isEqualTo(StubbedOpenAi.ATLANTIS_ANSWER);
    assertThat(trace.get()).calledTool("get_weather").hasArguments("{\"city\":\"Atlantis\"}")
        .failedWith("java.lang.IllegalStateException");
    assertThat(trace.get().errors()).singleElement().satisfies(error -> {
      assertThat(error.span().name()).isEqualTo("execute_tool get_weather");
      assertThat(error.message()).isEqualTo("no weather station reports for Atlantis");
    });
    assertThat(trace.get().llmCalls().get(1).inputMessages().get(3).toolResults().get(0).content())
        .isEqualTo("no weather station reports for Atlantis");
  }
}
