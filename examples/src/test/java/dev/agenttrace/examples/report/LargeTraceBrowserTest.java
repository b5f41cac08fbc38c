package dev.agenttrace.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.trace.AgentTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Big traces in Chromium: a 10,000-span report renders quickly and stays usable (scrolling, zoom, details, graph);
 * a 100,000-span report is written and loads. The timeline keeps only the visible rows in the DOM. Prints the
 * measured times (they go into docs/reports.md); a huge value is cut with a visible marker.
 */
class LargeTraceBrowserTest extends BrowserTest {
  @Test
  void tenThousandSpansStayUsable(@TempDir Path dir) throws Exception {
    AgentTrace trace = SyntheticTraces.agentLoops(102, 25);
    assertThat(trace.size()).isGreaterThanOrEqualTo(10_000);
    Path report = write(trace, dir.resolve("ten-thousand.html"));

    ChromeDriver page = open(report, trace.size());
    assertThat(page.findElements(By.cssSelector(".row")).size()).isBetween(10, 200);
    long scrolled = time(() -> chromium.script("var rows = document.getElementById('rows');"
        + "rows.scrollTop = rows.scrollHeight / 2; rows.dispatchEvent(new Event('scroll'));"));
    assertThat(page.findElements(By.cssSelector(".row")).size()).isBetween(10, 200);
    page.findElements(By.cssSelector(".row[data-row-span]")).get(8).click();
    assertThat(page.findElement(By.id("details")).getText()).contains("Attributes".toUpperCase());
    long zoomed = time(() -> page.findElement(By.id("zoom-in")).click());
    long graph = time(() -> page.findElement(By.id("tab-graph")).click());
    assertThat(page.findElements(By.cssSelector("#graph-svg g.node"))).isNotEmpty();
    System.out.printf("10k-span report: scroll %d ms, zoom %d ms, graph (aggregated) %d ms%n", scrolled, zoomed,
        graph);
    assertThat(chromium.consoleMessages()).isEmpty();
  }

  @Test
  void aHundredThousandSpansLoad(@TempDir Path dir) throws Exception {
    AgentTrace trace = SyntheticTraces.agentLoops(1011, 25);
    assertThat(trace.size()).isGreaterThanOrEqualTo(100_000);
    Path report = write(trace, dir.resolve("hundred-thousand.html"));

    ChromeDriver page = open(report, trace.size());
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

  private static Path write(AgentTrace trace, Path file) throws Exception {
    long start = System.nanoTime();
    Path report = HtmlReport.write(trace, ReportInfo.titled(trace.size() + " spans"), file);
    System.out.printf("%d-span report: written in %d ms, %d bytes (%d bytes per span)%n", trace.size(),
        (System.nanoTime() - start) / 1_000_000, Files.size(report), Files.size(report) / trace.size());
    return report;
  }

  private ChromeDriver open(Path report, int spans) {
    long start = System.nanoTime();
    ChromeDriver page = chromium.open(report);
    long loaded = (System.nanoTime() - start) / 1_000_000;
    Object rendered = chromium.script("return document.body.getAttribute('data-rendered')");
    System.out.printf("%d-span report: first render at %s ms after navigation start (page load returned after %d ms)%n",
        spans, rendered, loaded);
    assertThat(rendered).isNotNull();
    return page;
  }

  private static long time(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1_000_000;
  }
}
