package dev.agenttrace.report;

import dev.agenttrace.files.AtomicFiles;
import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.AgentTrace;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes {@code index.html}, the page listing every agent test of a run — class, method, outcome, segments, LLM
 * calls, tool calls, tokens, duration — each linked to its report. Static HTML (no script), every value escaped,
 * under the same Content-Security-Policy as the reports.
 */
public final class ReportIndex {
  /** The index's file name. */
  public static final String FILE_NAME = "index.html";
  private static final String POLICY = Csp.policy(null, ReportResources.INDEX_CSS);

  private ReportIndex() {}

  /**
   * One test of the run.
   *
   * @param testClass the test class name
   * @param method the test method (display name for parameterized invocations)
   * @param status how the test ended
   * @param segments the number of execution segments
   * @param llmCalls the number of LLM calls
   * @param toolCalls the number of tool calls
   * @param tokens input plus output tokens
   * @param duration the trace's duration, first span start to last span end
   * @param report the test's report file
   */
  public record Entry(String testClass, String method, ReportInfo.Status status, int segments, int llmCalls,
      int toolCalls, long tokens, Duration duration, Path report) {
    public Entry {
      Objects.requireNonNull(testClass, "testClass");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(report, "report");
    }

    /** The entry of a test whose trace is {@code trace} and whose report is {@code report}. */
    public static Entry of(String testClass, String method, ReportInfo.Status status, AgentTrace trace, Path report) {
      long start = trace.spans().stream().mapToLong(span -> span.startEpochNanos()).min().orElse(0);
      long end = trace.spans().stream().mapToLong(span -> span.endEpochNanos()).max().orElse(0);
      return new Entry(testClass, method, status, trace.segments().size(), trace.llmCalls().size(),
          trace.toolInvocations().size(), trace.totalUsage().totalTokens(), Duration.ofNanos(Math.max(0, end - start)),
          report);
    }
  }

  /** Writes the index of {@code entries} into {@code directory}, with links relative to it; returns the file. */
  public static Path write(Path directory, List<Entry> entries) {
    return write(directory, entries, RedactionPolicy.defaults());
  }

  /** {@link #write(Path, List)} with test names redacted by {@code redaction} (display names can hold anything). */
  public static Path write(Path directory, List<Entry> entries, RedactionPolicy redaction) {
    RedactionPolicy policy = redaction.withMarker(ReportText.REDACTED);
    Path dir = directory.toAbsolutePath().normalize();
    List<Entry> sorted = entries.stream()
        .sorted(Comparator.comparing(Entry::testClass).thenComparing(Entry::method)).toList();
    long failed = sorted.stream().filter(entry -> entry.status() == ReportInfo.Status.FAILED).count();
    StringBuilder html = new StringBuilder(1024 + 400 * sorted.size())
        .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<title>AgentTrace reports</title>\n<style>").append(ReportResources.INDEX_CSS)
        .append("</style>\n</head>\n<body>\n<h1>AgentTrace reports</h1>\n<p class=\"summary\">")
        .append(sorted.size()).append(sorted.size() == 1 ? " agent test, " : " agent tests, ")
        .append(failed).append(" failed</p>\n<table>\n<thead><tr><th>Class</th><th>Test</th><th>Result</th>")
        .append("<th>Segments</th><th>LLM calls</th><th>Tool calls</th><th>Tokens</th><th>Duration</th>")
        .append("<th>Report</th></tr></thead>\n<tbody>\n");
    for (Entry entry : sorted) {
      String status = entry.status().name().toLowerCase(Locale.ROOT);
      html.append("<tr class=\"").append(status).append("\"><td>").append(HtmlText.escape(policy.redact(entry.testClass())))
          .append("</td><td>").append(HtmlText.escape(policy.redact(entry.method())))
          .append("</td><td class=\"status\">").append(status)
          .append("</td><td class=\"num\">").append(entry.segments())
          .append("</td><td class=\"num\">").append(entry.llmCalls())
          .append("</td><td class=\"num\">").append(entry.toolCalls())
          .append("</td><td class=\"num\">").append(entry.tokens())
          .append("</td><td class=\"num\">").append(duration(entry.duration()))
          .append("</td><td><a href=\"").append(HtmlText.escape(link(dir, entry.report())))
          .append("\">open</a></td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</body>\n</html>\n");
    return AtomicFiles.write(dir.resolve(FILE_NAME), out -> out.write(html.toString()));
  }

  private static String link(Path dir, Path report) {
    Path relative = dir.relativize(report.toAbsolutePath().normalize());
    StringBuilder href = new StringBuilder();
    for (Path part : relative) {
      if (href.length() > 0) {
        href.append('/');
      }
      href.append(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8)
          .replace("+", "%20"));
    }
    return href.toString();
  }

  private static String duration(Duration duration) {
    long millis = duration.toMillis();
    return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }
}
