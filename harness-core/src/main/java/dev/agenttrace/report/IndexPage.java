package dev.agenttrace.report;

import dev.agenttrace.redaction.RedactionPolicy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The HTML of a run index: a static table (every value escaped, links relative to the index's folder) that reads
 * without script, plus the inline script that adds the failed-only and class filters and sortable columns. Under
 * the reports' Content-Security-Policy: the one script and the one style are allowed by hash, nothing loads.
 */
final class IndexPage {
  private static final String POLICY = Csp.policy(ReportResources.INDEX_JS, ReportResources.INDEX_CSS);
  private static final String[][] COLUMNS = {
      {"Class", "text"}, {"Test", "text"}, {"Result", "text"}, {"Segments", "num"}, {"LLM calls", "num"},
      {"Tool calls", "num"}, {"Tokens", "num"}, {"Duration", "num"}, {"Report", null}};

  private IndexPage() {}

  /**
   * The page listing {@code entries}, linked relative to {@code dir}, with {@code notes} under the summary; test
   * names and notes redacted by {@code redaction}.
   */
  static String render(Path dir, List<ReportIndex.Entry> entries, List<String> notes, RedactionPolicy redaction) {
    RedactionPolicy policy = redaction.withMarker(ReportText.REDACTED);
    List<ReportIndex.Entry> sorted = entries.stream().map(entry -> entry.withNamesRedacted(policy))
        .sorted(Comparator.comparing(ReportIndex.Entry::testClass).thenComparing(ReportIndex.Entry::method)).toList();
    long failed = sorted.stream().filter(entry -> entry.status() == ReportInfo.Status.FAILED).count();
    StringBuilder html = new StringBuilder(2048 + ReportResources.INDEX_JS.length() + 400 * sorted.size())
        .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<title>AgentTrace reports</title>\n<style>").append(ReportResources.INDEX_CSS)
        .append("</style>\n</head>\n<body>\n<h1>AgentTrace reports</h1>\n<p class=\"summary\">")
        .append(sorted.size()).append(sorted.size() == 1 ? " agent test, " : " agent tests, ")
        .append(failed).append(" failed</p>\n");
    notes.forEach(note -> html.append("<p class=\"note\">").append(HtmlText.escape(policy.redactPlainText(note)))
        .append("</p>\n"));
    html.append("<div id=\"controls\"></div>\n<table id=\"tests\">\n<thead><tr>");
    for (String[] column : COLUMNS) {
      html.append(column[1] == null ? "<th>" : "<th data-sort=\"" + column[1] + "\">").append(column[0])
          .append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (ReportIndex.Entry entry : sorted) {
      String status = entry.status().name().toLowerCase(Locale.ROOT);
      html.append("<tr class=\"").append(status).append("\"><td>").append(HtmlText.escape(entry.testClass()))
          .append("</td><td>").append(HtmlText.escape(entry.method()))
          .append("</td><td class=\"status\">").append(status)
          .append("</td><td class=\"num\">").append(entry.segments())
          .append("</td><td class=\"num\">").append(entry.llmCalls())
          .append("</td><td class=\"num\">").append(entry.toolCalls())
          .append("</td><td class=\"num\">").append(entry.tokens())
          .append("</td><td class=\"num\" data-value=\"").append(entry.duration().toNanos()).append("\">")
          .append(duration(entry.duration()))
          .append("</td><td><a href=\"").append(HtmlText.escape(link(dir, entry.report())))
          .append("\">open</a></td></tr>\n");
    }
    return html.append("</tbody>\n</table>\n<script>").append(ReportResources.INDEX_JS)
        .append("</script>\n</body>\n</html>\n").toString();
  }

  /** The link from {@code dir} to {@code report}: relative, each part percent-encoded. */
  static String link(Path dir, Path report) {
    Path relative = dir.relativize(report.toAbsolutePath().normalize());
    StringBuilder href = new StringBuilder();
    for (Path part : relative) {
      if (href.length() > 0) {
        href.append('/');
      }
      href.append(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return href.toString();
  }

  private static String duration(Duration duration) {
    long millis = duration.toMillis();
    return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }
}
