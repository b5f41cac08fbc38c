package dev.agenttrace.examples.weather;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.trace.SegmentOutcome.COMPLETED;
import static dev.agenttrace.trace.SegmentOutcome.CRASHED;
import static dev.agenttrace.trace.SegmentOutcome.WAITING;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.runtime.Crash;
import dev.agenttrace.runtime.OperationKind;
import dev.agenttrace.runtime.RunStatus;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A crash between spans resumes exactly where it left off: nothing already done runs again. */
@AgentTest
class WeatherAgentCrashTest {

  @BeforeEach
  void stubTheWorld(LlmStub llm, ToolStubs tools) {
    ParisWeather.stub(llm, tools);
  }

  @Test
  void aCrashBeforeTheToolRunsNeverPaysForTheFirstLlmCallTwice(AgentHarness harness, LlmStub llm, ToolStubs tools) {
    AgentRun<String> run = harness.start(new WeatherAgent(), "What's the weather in Paris?",
        Crash.before(OperationKind.TOOLS));
    assertThat(run.status()).isEqualTo(RunStatus.CRASHED);

    run.recover();   // the process comes back: replays the journal, then waits on the tool
    run.resume();    // the tool runs; the agent answers

    assertThat(run.output()).isEqualTo("18°C and sunny in Paris.");
    assertThat(llm.requestCount()).isEqualTo(2);
    assertThat(tools.callCount("get_weather")).isEqualTo(1);
    assertThat(run.trace())
        .hasSegmentOutcomes(CRASHED, WAITING, COMPLETED)
        .hasLlmCallCount(2)
        .hasNoErrors();
    assertThat(run.trace()).segment(1).isResumed().isWaitingOnTools("get_weather");
  }

  @Test
  void survivesACrashAtEveryPoint(AgentHarness harness, LlmStub llm, ToolStubs tools) {
    assertThat(harness).survivesCrashesAtEveryPoint(new WeatherAgent(), ParisWeather.QUESTION);

    // the uncrashed run and eight crashed ones: two LLM calls each, never a third; one more tool run mid-call
    assertThat(llm.requestCount()).isEqualTo(9 * 2);
    assertThat(tools.callCount("get_weather")).isEqualTo(9 + 1);
  }
}
