package dev.agenttrace.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.trace.AgentTrace;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final Pattern POLICY = Pattern.compile("content=\"(default-src[^\"]*)\"");

  @Test
  void embedsDataInertAndAllowsExactlyItsOwnBlocksByHash(@TempDir Path dir) throws Exception {
    AgentTrace trace = traceWithSpanNamed("</script><script>alert(1)</script><!-- \u2028 & sk-abcdefghijkl");
    Path file = HtmlReport.write(trace, ReportInfo.titled("<b>title</b>"), dir.resolve("a/b.html"));
    String html = Files.readString(file);

    assertThat(html).containsOnlyOnce("<script type=\"application/json\" id=\"agenttrace-data\">")
        .doesNotContain("alert(1)</script>").doesNotContain("<!-- ").doesNotContain("\u2028")
        .contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)")
        .contains("<title>&lt;b&gt;title&lt;/b&gt; · AgentTrace</title>")
        .doesNotContain("sk-abcdefghijkl").contains("[REDACTED]");
    Matcher policy = POLICY.matcher(html);
    assertThat(policy.find()).isTrue();
    assertThat(policy.group(1)).startsWith("default-src 'none'; script-src 'sha256-")
        .contains(Csp.source(block(html, "<script>", "</script>")))
        .contains("style-src " + Csp.source(block(html, "<style>", "</style>")))
        .doesNotContain("unsafe");
  }

  @Test
  void anEmptyTraceStillMakesAPage() {
    assertThat(HtmlReport.render(AgentTrace.empty(), ReportInfo.titled("empty")))
        .contains("\"spans\":[]").endsWith("</html>\n");
  }

  @Test
  void indexListsTestsWithEscapedNamesAndRelativeLinks(@TempDir Path dir) throws Exception {
    AgentTrace trace = traceWithSpanNamed("x");
    Path report = dir.resolve("com.example.FooTest/bar.html");
    Path index = ReportIndex.write(dir, java.util.List.of(
        ReportIndex.Entry.of("com.example.FooTest", "<bar>", ReportInfo.Status.FAILED, trace, report)));
    String html = Files.readString(index);
    assertThat(html).contains("<td>&lt;bar&gt;</td>").contains("href=\"com.example.FooTest/bar.html\"")
        .contains("<tr class=\"failed\">").containsOnlyOnce("<script").contains("<script>" + ReportResources.INDEX_JS)
        .doesNotContain("<bar>");
    Matcher policy = POLICY.matcher(html);
    assertThat(policy.find()).isTrue();
    assertThat(policy.group(1)).isEqualTo("default-src 'none'; script-src " + Csp.source(block(html, "<script>",
        "</script>")) + "; style-src " + Csp.source(block(html, "<style>", "</style>"))
        + "; base-uri 'none'; form-action 'none'");
  }

  @Test
  void theInlinedScriptsAndStylesAreAscii() {
    // Every report re-encodes these ~38 KB; ASCII keeps that on the UTF-8 encoder's fast path, so characters such
    // as the middle dot are written as backslash-u escapes in report.js. The rendered text is unchanged (the browser
    // tests).
    for (String resource : java.util.List.of(ReportResources.REPORT_JS, ReportResources.REPORT_CSS,
        ReportResources.INDEX_JS, ReportResources.INDEX_CSS)) {
      int first = java.util.stream.IntStream.range(0, resource.length()).filter(i -> resource.charAt(i) > 0x7F)
          .findFirst().orElse(-1);
      assertThat(first).as("first non-ASCII character at %d: %s", first,
          first < 0 ? "" : resource.substring(Math.max(0, first - 40), first + 1)).isEqualTo(-1);
    }
  }

  private static String block(String html, String open, String close) {
    int start = html.indexOf(open) + open.length();
    return html.substring(start, html.indexOf(close, start));
  }

  private static AgentTrace traceWithSpanNamed(String name) {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
      Tracer tracer = provider.get("test");
      Span span = tracer.spanBuilder(name).startSpan();
      span.setAttribute(AttributeKey.stringKey("note"), name);
      span.end();
      return AgentTrace.of(exporter.getFinishedSpanItems());
    }
  }
}
