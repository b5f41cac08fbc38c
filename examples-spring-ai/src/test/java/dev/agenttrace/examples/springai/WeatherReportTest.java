package dev.agenttrace.examples.springai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.trace.AgentTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The HTML report of the Spring AI weather agent: its graph draws a tool under the LLM call whose reply requested it
 * (the report links them by tool call id: the {@code tool_call} part of the call's output and the tool span's call id),
 * inside the agent's segment.
 */
@WeatherApplicationTest
@AgentTest(globalOpenTelemetry = true)
class WeatherReportTest {
  private static final String DATA_START = "<script type=\"application/json\" id=\"agenttrace-data\">";

  @Autowired
  WeatherAssistant assistant;

  @Test
  void theGraphShowsTheToolUnderTheLlmCallThatRequestedIt(Supplier<AgentTrace> trace, @TempDir Path dir)
      throws IOException {
    assistant.ask("What's the weather in Paris?");

    Path report = HtmlReport.write(trace.get(), ReportInfo.titled("WeatherAssistant: Paris")
        .withStatus(ReportInfo.Status.PASSED), dir.resolve("weather.html"));

    JsonNode spans = reportData(report).path("spans");
    List<Integer> llmCalls = indexesOf(spans, "llm");
    List<Integer> tools = indexesOf(spans, "tool");
    assertThat(llmCalls).hasSize(2);
    assertThat(tools).singleElement().satisfies(tool -> {
      String callId = spans.get(tool).path("tool").path("callId").asText();
      assertThat(callId).isNotEmpty();
      assertThat(toolCallIds(spans.get(llmCalls.get(0)))).as("the first LLM call requested the tool")
          .containsExactly(callId);
      assertThat(toolCallIds(spans.get(llmCalls.get(1)))).isEmpty();
      assertThat(spans.get(tool).path("d").asInt()).as("the tool runs inside the agent's segment")
          .isGreaterThan(spans.get(0).path("d").asInt());
    });
    assertThat(spans.get(0).path("seg").path("agent").asText()).isEqualTo("WeatherAgent");
  }

  private static JsonNode reportData(Path report) throws IOException {
    String html = Files.readString(report);
    int start = html.indexOf(DATA_START) + DATA_START.length();
    return new ObjectMapper().readTree(html.substring(start, html.indexOf("</script>", start)));
  }

  private static List<Integer> indexesOf(JsonNode spans, String view) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      if (spans.get(i).has(view)) {
        indexes.add(i);
      }
    }
    return indexes;
  }

  /** The ids of the tool calls an LLM call's reply requests, as the report's graph reads them. */
  private static List<String> toolCallIds(JsonNode llmSpan) {
    List<String> ids = new ArrayList<>();
    for (JsonNode message : llmSpan.path("llm").path("output")) {
      for (JsonNode part : message.path("parts")) {
        if (part.path("type").asText().equals("tool_call")) {
          ids.add(part.path("id").asText());
        }
      }
    }
    return ids;
  }
}
