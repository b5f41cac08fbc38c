package dev.agenttrace.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.trace.AgentTrace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Big traces in Chromium: a 10,000-span report renders and stays usable (scrolling, zoom, details, graph); a
 * 100,000-span report is written and loads. The timeline keeps only the visible rows in the DOM. The page marks its
 * own first render ({@code data-rendered}, ms after navigation start); the test publishes that mark as the report
 * entry {@code agenttrace.first-render-ms} (docs/reports.md quotes it) and never times anything itself. A huge value
 * is cut with a visible marker.
 */
class LargeTraceBrowserTest extends BrowserTest {
  @Test
  void tenThousandSpansStayUsable(@TempDir Path dir, TestReporter reporter) {
    AgentTrace trace = SyntheticTraces.agentLoops(102, 25);
    assertThat(trace.size()).isGreaterThanOrEqualTo(10_000);
    Path report = write(trace, dir.resolve("ten-thousand.html"));

    ChromeDriver page = open(report, reporter);
    assertThat(page.findElements(By.cssSelector(".row")).size()).isBetween(10, 200);
    List<String> before = rowSpans(page);
    chromium.script("var rows = document.getElementById('rows');"
        + "rows.scrollTop = rows.scrollHeight / 2; rows.dispatchEvent(new Event('scroll'));");
    assertThat(page.findElements(By.cssSelector(".row")).size()).isBetween(10, 200);
    assertThat(rowSpans(page)).as("scrolling redraws other rows").isNotEqualTo(before);
    page.findElements(By.cssSelector(".row[data-row-span]")).get(8).click();
    assertThat(page.findElement(By.id("details")).getText()).contains("Attributes".toUpperCase());
    page.findElement(By.id("zoom-in")).click();
    page.findElement(By.id("tab-graph")).click();
    assertThat(page.findElements(By.cssSelector("#graph-svg g.node"))).isNotEmpty();
    assertThat(chromium.consoleMessages()).isEmpty();
  }

  @Test
  void aHundredThousandSpansLoad(@TempDir Path dir, TestReporter reporter) {
    AgentTrace trace = SyntheticTraces.agentLoops(1011, 25);
    assertThat(trace.size()).isGreaterThanOrEqualTo(100_000);
    Path report = write(trace, dir.resolve("hundred-thousand.html"));

    ChromeDriver page = open(report, reporter);
    assertThat(page.findElements(By.cssSelector(".row")).size()).isBetween(10, 200);
    assertThat(chromium.consoleMessages()).isEmpty();
  }

  @Test
  void aHugeValueIsCutWithAMarker(@TempDir Path dir) {
    String huge = "x".repeat(5 * 1024 * 1024);
    AgentTrace trace = SyntheticTraces.agentLoops(1, 2, (field, n) -> field.equals("result") ? huge : field);
    Path report = HtmlReport.write(trace, dir.resolve("huge.html"));
    ChromeDriver page = chromium.open(report);
    page.findElements(By.cssSelector(".row[data-row-span]")).stream()
        .filter(row -> row.getText().contains("tool ")).findFirst().orElseThrow().click();
    assertThat(page.findElement(By.cssSelector("pre.tool-result")).getText())
        .endsWith("✂ cut: showing 65536 of 5242880 characters");
    assertThat(chromium.consoleMessages()).isEmpty();
  }

  private static List<String> rowSpans(ChromeDriver page) {
    return page.findElements(By.cssSelector(".row[data-row-span]")).stream()
        .map(row -> row.getAttribute("data-row-span")).toList();
  }

  private static Path write(AgentTrace trace, Path file) {
    return HtmlReport.write(trace, ReportInfo.titled(trace.size() + " spans"), file);
  }

  /** Opens the report, checks it rendered, and publishes the page's own first-render mark. */
  private ChromeDriver open(Path report, TestReporter reporter) {
    ChromeDriver page = chromium.open(report);
    Object rendered = chromium.script("return document.body.getAttribute('data-rendered')");
    assertThat(rendered).as("the page marks its first render").isNotNull();
    reporter.publishEntry("agenttrace.first-render-ms", String.valueOf(rendered));
    return page;
  }
}
