package dev.agenttrace.examples.interop;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.trace.SegmentOutcome.COMPLETED;
import static dev.agenttrace.trace.SegmentOutcome.WAITING;

import dev.agenttrace.examples.weather.WeatherAgent;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.otlp.OtlpJson;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces as OTLP JSON files: load a trace someone exported (here the weather agent, in AgentTrace's own conventions)
 * and assert on it like a captured one; write a test's trace for Jaeger, Tempo or any OTLP tool, and read it back.
 */
@AgentTest
class OtlpJsonFileTest {
  private static final Path WEATHER_AGENT = Path.of("src/test/resources/interop/weather-agent.otlp.json");

  @Test
  void aTraceLoadedFromAnOtlpJsonFilePassesTheSameAssertions() {
    AgentTrace trace = OtlpJson.read(WEATHER_AGENT);

    assertThat(trace)
        .hasSegmentCount(2)
        .hasSegmentOutcomes(WAITING, COMPLETED)
        .hasLlmCallCount(2)
        .hasNoErrors()
        .calledTool("get_weather").hasArguments("{\"city\": \"Paris\"}").hasResult("{\"sky\":\"sunny\",\"tempC\":18}");
    assertThat(trace).segment(0).isWaitingOnTools("get_weather");
    assertThat(trace).llmCall(1).hasOutputText("18°C and sunny in Paris.");
  }

  @Test
  void aTestsTraceWrittenAsOtlpJsonReadsBackTheSame(AgentHarness harness, LlmStub llm, ToolStubs tools,
      @TempDir Path dir) {
    llm.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    llm.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny in Paris.");
    tools.stub("get_weather").returns("{\"tempC\":18,\"sky\":\"sunny\"}");
    AgentTrace trace = harness.run(new WeatherAgent(), "What's the weather in Paris?").trace();

    Path file = OtlpJson.write(trace, dir.resolve("weather-agent.otlp.json"));
    AgentTrace read = OtlpJson.read(file);

    assertThat(read.spans()).extracting(TraceSpan::name)
        .containsExactlyElementsOf(trace.spans().stream().map(TraceSpan::name).toList());
    assertThat(read).hasLlmCallCount(2).hasSegmentOutcomes(WAITING, COMPLETED).calledTool("get_weather");
    assertThat(read.totalUsage()).isEqualTo(trace.totalUsage());
  }
}
