package dev.agenttrace.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.report.ReportSection;
import dev.agenttrace.trace.AgentTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * XSS payloads in every field a report shows — span names, attribute keys and values, messages, tool names,
 * arguments and results, step results, errors and stack traces, events, wait keys, the title, the failure and a
 * section — loaded in Chromium with every span opened and both graph modes drawn: none runs, nothing loads, and
 * the Content-Security-Policy never even has to block anything.
 */
class HostileContentBrowserTest extends BrowserTest {
  static final List<String> PAYLOADS = List.of(
      "<script>window.__pwned='script';document.title='pwned'</script>",
      "\"><img src=x onerror=\"window.__pwned='img'\">",
      "'><svg onload=\"window.__pwned='svg'\"><script>window.__pwned='svg-script'</script></svg>",
      "javascript:window.__pwned='javascript-url'",
      "</script><script>window.__pwned='breakout'</script>",
      "</SCRIPT ><script>window.__pwned='breakout-upper'</script>",
      "<!--<script>window.__pwned='comment'</script>-->",
      "]]><script>window.__pwned='cdata'</script>",
      "</style><style>*{display:none!important}</style><link rel=stylesheet href=\"http://127.0.0.1:9/x.css\">",
      "<div style=\"background:url(http://127.0.0.1:9/css.png)\">x</div>",
      "\u2028\u2029<script>window.__pwned='line-separators'</script>",
      "\u202E<script>window.__pwned='rtl'</script>\uFEFF\u200B",
      "\uFF1Cscript\uFF1Ewindow.__pwned='fullwidth'\uFF1C/script\uFF1E",
      "<iframe src=\"javascript:parent.__pwned='iframe'\"></iframe>",
      "<a href=\"javascript:window.__pwned='link'\">click</a>",
      "<img src=\"http://127.0.0.1:9/beacon.png\">",
      "{{constructor.constructor('window.__pwned=\"template\"')()}}${window.__pwned='template-literal'}",
      "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__pwned='mxss'\">");

  @BeforeAll
  void listenForPolicyViolations() {
    chromium.beforeEveryPage(Chromium.POLICY_VIOLATION_PROBE);
  }

  static String payload(int n) {
    return PAYLOADS.get(Math.floorMod(n, PAYLOADS.size()));
  }

  @Test
  void noPayloadRunsLoadsOrChangesThePage(@TempDir Path dir) throws Exception {
    AgentTrace trace = SyntheticTraces.agentLoops(2, 3,
        (field, n) -> field + " " + payload(field.hashCode() + n) + " " + payload(n));
    String all = String.join(" | ", PAYLOADS);
    ReportInfo info = ReportInfo.titled("title " + all).withFailure("failure " + all, trace.spans().get(2).spanId())
        .withSection(new ReportSection("section " + all, "diff " + all));
    Path report = HtmlReport.write(trace, info, dir.resolve("hostile.html"));
    String html = Files.readString(report);
    assertThat(html).containsOnlyOnce("<script>").containsOnlyOnce("</script>\n<script>");

    ChromeDriver page = chromium.open(report);
    openEverything(page);

    assertThat(chromium.script("return window.__pwned === undefined")).isEqualTo(true);
    assertThat(page.getTitle()).startsWith("title <script>window.__pwned='script';").endsWith(" · AgentTrace");
    assertThat((List<?>) chromium.script("return window.__violations")).isEmpty();
    assertThat(page.findElements(By.tagName("script"))).hasSize(2);
    assertThat(page.findElements(By.tagName("style"))).hasSize(1);
    assertThat(page.findElements(By.cssSelector("img, iframe, link, a, math, object, embed, body style")))
        .isEmpty();
    assertThat(page.findElements(By.cssSelector("svg"))).hasSize(1);
    assertThat(chromium.script("return Array.from(document.querySelectorAll('*')).filter(function (e) {"
        + " return Array.from(e.attributes).some(function (a) { return /^on/i.test(a.name) || a.name === 'style'"
        + " && /url\\(/.test(a.value); }); }).length")).isEqualTo(0L);
    WebElement failure = page.findElement(By.id("failure"));
    assertThat(failure.getText()).contains("<img src=x onerror=").contains("</script><script>");
    assertThat(page.findElement(By.id("details")).getText()).contains("window.__pwned=");
    assertThat(chromium.consoleMessages()).isEmpty();
  }

  /** Clicks every timeline row (opening each span's details) and draws both graph modes. */
  private static void openEverything(ChromeDriver page) {
    int rows = page.findElements(By.cssSelector(".row")).size();
    for (int i = 0; i < rows; i++) {
      page.findElements(By.cssSelector(".row")).get(i).click();
    }
    page.findElement(By.id("tab-graph")).click();
    page.findElement(By.id("graph-expanded")).click();
    page.findElements(By.cssSelector("g.node")).forEach(WebElement::click);
    page.findElement(By.id("graph-aggregated")).click();
    page.findElement(By.id("tab-timeline")).click();
  }
}
