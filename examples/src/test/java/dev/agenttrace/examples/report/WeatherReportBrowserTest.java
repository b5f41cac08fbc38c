package dev.agenttrace.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.examples.weather.WeatherAgent;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.report.ReportIndex;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import dev.agenttrace.trace.AgentTrace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The weather example's report in a real headless Chromium, from {@code file://}: the timeline shows the execution's
 * two segments on one lane with the tool wait between them, the graph shows the flow with the resume edge, clicking
 * an LLM call shows its conversation, and the console stays clean. With {@code -Dagenttrace.screenshots=<dir>} the
 * screenshots for the docs are saved there.
 */
@AgentTest
class WeatherReportBrowserTest extends BrowserTest {
  @BeforeEach
  void stubTheWorld(LlmStub llm, ToolStubs tools) {
    // latencies on the virtual clock, so the timeline shows realistic proportions
    llm.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}")
        .withLatency(Duration.ofMillis(900));
    llm.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny in Paris.")
        .withLatency(Duration.ofMillis(600));
    tools.stub("get_weather").returns("{\"tempC\":18,\"sky\":\"sunny\"}").withLatency(Duration.ofMillis(1500));
  }

  @Test
  void timelineGraphAndConversation(AgentHarness harness, @TempDir Path dir) {
    AgentTrace trace = harness.run(new WeatherAgent(), "What's the weather in Paris?").trace();
    Path report = HtmlReport.write(trace, ReportInfo.titled("WeatherAgentTest.answersAfterOneToolRound")
        .withStatus(ReportInfo.Status.PASSED), dir.resolve("weather.html"));
    ChromeDriver page = chromium.open(report);

    WebElement lane = page.findElement(By.cssSelector(".row.lane"));
    assertThat(lane.findElements(By.cssSelector(".bar.segment"))).hasSize(2);
    List<WebElement> gaps = lane.findElements(By.cssSelector(".gap"));
    assertThat(gaps).singleElement().satisfies(gap -> {
      assertThat(gap.getText()).isEqualTo("waiting for tool get_weather");
      assertThat(gap.getAttribute("data-wait")).isEqualTo("tool");
      assertThat(gap.getSize().getWidth()).isPositive();
    });
    assertThat(page.findElements(By.cssSelector(".row .bar.llm"))).hasSize(2);
    assertThat(page.findElements(By.cssSelector(".row .bar.tool"))).hasSize(1);
    screenshot("report-timeline.png");

    page.findElements(By.cssSelector(".row[data-row-span]")).stream()
        .filter(row -> row.getText().startsWith("✦chat gpt-4o") || row.getText().contains("chat gpt-4o"))
        .findFirst().orElseThrow().click();
    WebElement conversation = page.findElement(By.id("conversation"));
    assertThat(conversation.findElements(By.cssSelector(".msg.system"))).hasSize(1);
    assertThat(conversation.findElement(By.cssSelector(".msg.user")).getText())
        .contains("What's the weather in Paris?");
    assertThat(conversation.findElement(By.cssSelector(".msg.response")).getText())
        .contains("calls tool get_weather").contains("\"city\": \"Paris\"");
    assertThat(page.findElement(By.id("details")).getText()).contains("tool_call").contains("get_weather");
    screenshot("report-details.png");

    page.findElement(By.id("tab-graph")).click();
    page.findElement(By.id("graph-expanded")).click();
    WebElement graph = page.findElement(By.id("graph-svg"));
    assertThat(graph.findElements(By.cssSelector("g.node.seg"))).hasSize(2);
    assertThat(graph.findElements(By.cssSelector("g.node.llm"))).hasSize(2);
    assertThat(graph.findElements(By.cssSelector("g.node.tool"))).hasSize(1);
    assertThat(graph.findElements(By.cssSelector("g.node.wait"))).hasSize(1);
    assertThat(graph.findElements(By.cssSelector("g.edge.resume"))).singleElement()
        .satisfies(edge -> assertThat(edge.getText()).startsWith("resume"));
    assertThat(graph.findElements(By.cssSelector("g.edge.requests"))).hasSize(1);
    screenshot("report-graph.png");

    page.findElement(By.id("graph-aggregated")).click();
    assertThat(page.findElement(By.id("graph-svg")).findElements(By.cssSelector("g.node.seg"))).hasSize(1);

    assertThat(chromium.consoleMessages()).isEmpty();
  }

  @Test
  void aFailingTestShowsItsFailureOnTopWithTheMarkedSpan(AgentHarness harness, @TempDir Path dir) {
    AgentTrace trace = harness.run(new WeatherAgent(), "What's the weather in Paris?").trace();
    String marked = trace.llmCalls().get(1).span().spanId();
    String message = "org.opentest4j.AssertionFailedError: \nExpecting the LLM call to reply \"22°C\"\n"
        + "but it replied \"18°C and sunny in Paris.\"\n\nTrace (▶ marks the span in question):\n"
        + trace.toTreeString(marked);
    Path report = HtmlReport.write(trace, ReportInfo.titled("WeatherAgentTest.answersWithTheForecast")
        .withFailure(message, marked), dir.resolve("failing.html"));
    Path index = ReportIndex.write(dir, List.of(
        ReportIndex.Entry.of("dev.agenttrace.examples.weather.WeatherAgentTest", "answersAfterOneToolRound",
            ReportInfo.Status.PASSED, trace, dir.resolve("weather.html")),
        ReportIndex.Entry.of("dev.agenttrace.examples.weather.WeatherAgentTest", "answersWithTheForecast",
            ReportInfo.Status.FAILED, trace, report)));
    ChromeDriver page = chromium.open(report);

    assertThat(page.findElement(By.id("failure")).getText()).contains("Expecting the LLM call to reply \"22°C\"");
    assertThat(page.findElement(By.cssSelector(".bar.marked")).getAttribute("data-span")).isEqualTo(marked);
    assertThat(page.findElement(By.id("details")).getAttribute("data-span")).isEqualTo(marked);
    screenshot("report-failure.png");

    chromium.open(index);
    assertThat(page.findElements(By.cssSelector("tbody tr"))).hasSize(2);
    assertThat(page.findElement(By.cssSelector("tr.failed a")).getAttribute("href")).endsWith("/failing.html");
    screenshot("report-index.png");
    assertThat(chromium.consoleMessages()).isEmpty();
  }

  private void screenshot(String name) {
    String dir = System.getProperty("agenttrace.screenshots");
    chromium.screenshot(Path.of(dir == null ? "target/report-screenshots" : dir).resolve(name));
  }
}
