package dev.agenttrace.report;

import dev.agenttrace.files.AtomicFiles;
import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.AgentTrace;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the trace of a test as one self-contained HTML file: a timeline (nested Gantt, the segments of an execution
 * on one lane with their waits as labelled gaps), a graph of the execution flow, and a details panel with the LLM
 * conversation, tool arguments and results, usage and errors. The page loads nothing (inline CSS and script, a
 * Content-Security-Policy of {@code default-src 'none'} allowing them by hash), works from {@code file://}, shows all
 * recorded text as text, redacts secrets ({@link RedactionPolicy}, the built-in rules unless one is given) and cuts
 * huge values.
 *
 * <pre>{@code
 * HtmlReport.write(trace, Path.of("target/weather.html"));
 * }</pre>
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** Writes the report of {@code trace} to {@code file} (atomically), titled with the file name; returns the path. */
  public static Path write(AgentTrace trace, Path file) {
    Path name = file.getFileName();
    return write(trace, ReportInfo.titled(name == null ? "AgentTrace report" : name.toString()), file);
  }

  /** Writes the report of {@code trace} with the test's outcome and sections to {@code file}; returns the path. */
  public static Path write(AgentTrace trace, ReportInfo info, Path file) {
    return write(trace, info, RedactionPolicy.defaults(), file);
  }

  /** Writes the report of {@code trace}, redacted by {@code redaction}, to {@code file}; returns the path. */
  public static Path write(AgentTrace trace, ReportInfo info, RedactionPolicy redaction, Path file) {
    return AtomicFiles.write(file, out -> ReportPage.write(trace, info, redaction, out));
  }

  /** The report as a string. */
  public static String render(AgentTrace trace, ReportInfo info) {
    return render(trace, info, RedactionPolicy.defaults());
  }

  /** The report as a string, redacted by {@code redaction}. */
  public static String render(AgentTrace trace, ReportInfo info, RedactionPolicy redaction) {
    StringWriter out = new StringWriter();
    try {
      ReportPage.write(trace, info, redaction, out);
    } catch (IOException cannotHappen) {
      throw new UncheckedIOException(cannotHappen);
    }
    return out.toString();
  }
}
