package dev.agenttrace.report;

import java.util.Objects;

/**
 * A titled block of preformatted text shown at the top of a report, under the failure: the hook for a golden-trace
 * diff or any other check that wants its findings next to the trace.
 *
 * @param title the heading, such as {@code "Golden trace diff"}
 * @param text the body, shown as preformatted text (never as markup)
 */
public record ReportSection(String title, String text) {
  public ReportSection {
    Objects.requireNonNull(title, "title");
    text = text == null ? "" : text;
  }
}
