package dev.agenttrace.otlp.receiver;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SegmentOutcome;

/** The assertions every out-of-process weather agent must pass once its spans arrived. */
final class WeatherAgentAssertions {
  private WeatherAgentAssertions() {}

  static void assertWeatherAgent(AgentTrace trace) {
    assertThat(trace)
        .hasLlmCallCount(2)
        .hasToolCallCount(1)
        .calledToolsInOrder("get_weather")
        .hasSegmentCount(2)
        .hasSegmentOutcomes(SegmentOutcome.WAITING, SegmentOutcome.COMPLETED)
        .hasEachSegmentResumingItsPredecessor()
        .hasNoErrors();
    assertThat(trace).calledTool("get_weather").hasArguments("{\"city\":\"Paris\"}");
    assertThat(trace).hasInputTokensAtMost(42).hasOutputTokensAtMost(14);
  }
}
