package dev.agenttrace.report;

import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.AgentTrace;
import java.io.IOException;
import java.io.Writer;

/**
 * Assembles a report page: the Content-Security-Policy (hashes of the exact inline style and script), the title,
 * the trace data in a non-executable {@code application/json} block, and the script that renders it.
 */
final class ReportPage {
  /** The id of the data block the script reads. */
  static final String DATA_ID = "agenttrace-data";
  private static final String POLICY = Csp.policy(ReportResources.REPORT_JS, ReportResources.REPORT_CSS);

  private ReportPage() {}

  static void write(AgentTrace trace, ReportInfo info, RedactionPolicy redaction, Writer out) throws IOException {
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + POLICY + "\">\n");
    out.write("<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    ReportText text = new ReportText(ReportText.DEFAULT_MAX_CHARS, redaction);
    out.write("<title>" + HtmlText.escape(text.clean(info.title())) + " · AgentTrace</title>\n");
    out.write("<style>" + ReportResources.REPORT_CSS + "</style>\n</head>\n<body>\n");
    out.write("<noscript>This report is drawn by its inline script; enable JavaScript to see it.</noscript>\n");
    out.write("<div id=\"app\"></div>\n<script type=\"application/json\" id=\"" + DATA_ID + "\">");
    ScriptData data = new ScriptData(out);
    new TraceJson(trace, info, text).write(data);
    data.flush();
    out.write("</script>\n<script>" + ReportResources.REPORT_JS + "</script>\n</body>\n</html>\n");
  }
}
