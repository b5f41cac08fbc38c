package dev.agenttrace.examples.weather;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;
import static dev.agenttrace.trace.SegmentOutcome.COMPLETED;
import static dev.agenttrace.trace.SegmentOutcome.WAITING;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import dev.agenttrace.stubs.UnmatchedLlmRequestError;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.WaitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The product brief's weather agent: one tool round, two execution segments. */
@AgentTest(golden = true)
class WeatherAgentTest {

  @BeforeEach
  void stubTheWorld(LlmStub llm, ToolStubs tools) {
    ParisWeather.stub(llm, tools);
  }

  @Test
  void answersAfterOneToolRound(AgentHarness harness) {
    AgentRun<String> run = harness.run(new WeatherAgent(), "What's the weather in Paris?");

    assertThat(run.output()).isEqualTo("18°C and sunny in Paris.");
    assertThat(run.trace())
        .hasSegmentCount(2)
        .hasSegmentOutcomes(WAITING, COMPLETED)
        .hasLlmCallCount(2)
        .hasNoErrors()
        .calledTool("get_weather").hasArguments("{\"city\": \"Paris\"}").hasResult("{\"sky\":\"sunny\",\"tempC\":18}");
  }

  @Test
  void theFirstSegmentWaitsOnTheToolAndTheSecondResumesIt(AgentHarness harness) {
    AgentTrace trace = harness.run(new WeatherAgent(), "What's the weather in Paris?").trace();

    assertThat(trace).segment(0).isWaitingOnTools("get_weather").hasLlmCallCount(1);
    assertThat(trace).segment(1).isResumed().hasOutcome(COMPLETED).hasLlmCallCount(1);
    assertThat(trace).llmCall(0).hasModel("gpt-4o").hasFinishReason(FinishReason.TOOL_CALL)
        .requestedTool("get_weather");
    assertThat(trace).llmCall(1).hasFinishReason(FinishReason.STOP).hasOutputText("18°C and sunny in Paris.");
    assertThat(trace.executions()).singleElement()
        .satisfies(execution -> assertThat(execution.segments()).hasSize(2));
    System.out.println(trace.toTreeString());
  }

  @Test
  void theTestCanStopAtTheWaitAndResumeIt(AgentHarness harness, ToolStubs tools) {
    AgentRun<String> run = harness.start(new WeatherAgent(), "What's the weather in Paris?");

    assertThat(run.waitingOn()).get().extracting(wait -> wait.kind()).isEqualTo(WaitKind.TOOL);
    assertThat(tools.calls()).isEmpty();

    run.resume();

    assertThat(tools.callCount("get_weather")).isEqualTo(1);
    assertThat(run.output()).isEqualTo("18°C and sunny in Paris.");
  }

  @Test
  void aQuestionNoStubCoversFailsWithTheClosestStubs(AgentHarness harness) {
    assertThatThrownBy(() -> harness.run(new WeatherAgent(), "What's the weather in Rome?"))
        .isInstanceOf(UnmatchedLlmRequestError.class)
        .hasMessageContaining("user: What's the weather in Rome?")
        .hasMessageContaining("✗ last user message contains \"Paris\"");
  }
}
