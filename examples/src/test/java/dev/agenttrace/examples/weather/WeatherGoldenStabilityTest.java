package dev.agenttrace.examples.weather;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;

import dev.agenttrace.golden.GoldenTraces;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import org.junit.jupiter.api.Test;

/**
 * A golden file is only useful if the same run always renders the same bytes: two runs of the weather agent (new
 * ids, new timestamps, other threads) render identically. CI also verifies every example's golden on JDK 17 and 25.
 */
@AgentTest
class WeatherGoldenStabilityTest {

  @Test
  void theSameRunRendersTheSameGoldenTwice(AgentHarness harness, LlmStub llm, ToolStubs tools, GoldenTraces golden) {
    ParisWeather.stub(llm, tools);

    String first = golden.render(harness.run(new WeatherAgent(), "What's the weather in Paris?").trace());
    String second = golden.render(harness.run(new WeatherAgent(), "What's the weather in Paris?").trace());

    assertThat(second).isEqualTo(first).contains("name: execute_tool get_weather");
  }
}
