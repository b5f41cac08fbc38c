package dev.agenttrace.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The report's and the run index's scripts and stylesheets, read once from the class path and compacted
 * ({@link CompactText}) to be inlined into every page.
 */
final class ReportResources {
  /** The report page's script. */
  static final String REPORT_JS = CompactText.script(read("report.js"));
  /** The report page's stylesheet. */
  static final String REPORT_CSS = CompactText.style(read("report.css"));
  /** The run index's script: filters and sorts its table. */
  static final String INDEX_JS = CompactText.script(read("index.js"));
  /** The run index's stylesheet. */
  static final String INDEX_CSS = CompactText.style(read("index.css"));

  private ReportResources() {}

  private static String read(String name) {
    try (InputStream in = ReportResources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing report resource " + name + " next to " + ReportResources.class);
      }
      // Inline blocks must not contain their own end tag; the resources are ours, so this only guards edits.
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (text.toLowerCase(Locale.ROOT).contains("</script") || text.contains("</style")) {
        throw new IllegalStateException("Report resource " + name + " contains a closing tag");
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read report resource " + name, e);
    }
  }
}
