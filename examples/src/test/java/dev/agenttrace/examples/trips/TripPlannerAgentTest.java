package dev.agenttrace.examples.trips;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;

import dev.agenttrace.examples.weather.ParisWeather;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.runtime.CrashExploration;
import dev.agenttrace.runtime.CrashExplorationResult;
import dev.agenttrace.runtime.CrashPoint;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import dev.agenttrace.trace.Execution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A parent agent and its child in one trace; a crash at any point of either resumes exactly once. */
@AgentTest
class TripPlannerAgentTest {

  @BeforeEach
  void stubTheWorld(LlmStub llm, ToolStubs tools) {
    ParisWeather.stub(llm, tools);
  }

  @Test
  void theChildRunsUnderTheParentInTheSameTrace(AgentHarness harness) {
    AgentRun<String> run = harness.run(new TripPlannerAgent(), "Paris");

    assertThat(run.output()).isEqualTo("Staying at Hotel du Nord, Paris. 18°C and sunny in Paris.");
    assertThat(run).hasChildExecutions("WeatherAgent").executedNothingTwice().resumedExactlyOncePerWait()
        .hasReplayCounts(0, 2);
    assertThat(run.trace().executions()).extracting(Execution::name)
        .containsExactly("TripPlannerAgent", "WeatherAgent");
    assertThat(run.trace()).segment(0).isWaitingOn(dev.agenttrace.trace.WaitKind.CHILD);
  }

  @Test
  void survivesACrashAtEveryPointOfParentAndChild(AgentHarness harness) {
    CrashExplorationResult result = CrashExploration.of(harness, new TripPlannerAgent(), "Paris").run();

    assertThat(result.crashPoints()).hasSize(7 + 8)
        .extracting(CrashPoint::description)
        .contains("before child WeatherAgent (operation #1 of TripPlannerAgent)",
            "in the middle of tool get_weather (call #0) (operation #1 of WeatherAgent, child 1:child:WeatherAgent)");
  }
}
