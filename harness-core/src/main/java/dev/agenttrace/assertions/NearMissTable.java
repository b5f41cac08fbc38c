package dev.agenttrace.assertions;

import dev.agenttrace.trace.TraceSpan;
import dev.agenttrace.trace.TraceText;
import java.util.ArrayList;
import java.util.List;

/**
 * The field-by-field comparison of the closest candidate with what was asked, after WireMock's "Request was not
 * matched" table: one row per criterion with the expected value, the candidate's value and {@code ✓} or {@code ✗}.
 */
final class NearMissTable {
  private static final int MAX_CELL = 48;

  private final String title;
  private final String spanId;
  private final List<String[]> rows = new ArrayList<>();

  NearMissTable(String what, TraceSpan candidate) {
    this.title = "Closest " + what + ": " + candidate.name() + " (span " + candidate.spanId() + ")";
    this.spanId = candidate.spanId();
  }

  NearMissTable row(String field, String expected, String actual, boolean matches) {
    rows.add(new String[] {field, cell(expected), cell(actual), matches ? "✓" : "✗"});
    return this;
  }

  String spanId() {
    return spanId;
  }

  String render() {
    int[] widths = {"field".length(), "expected".length(), "actual".length()};
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder(title).append('\n');
    line(out, widths, new String[] {"field", "expected", "actual", ""});
    for (String[] row : rows) {
      line(out, widths, row);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, int[] widths, String[] cells) {
    out.append("  ");
    for (int i = 0; i < widths.length; i++) {
      out.append(cells[i]).append(" ".repeat(widths[i] - cells[i].length())).append(" | ");
    }
    out.append(cells[3]);
    while (out.charAt(out.length() - 1) == ' ') {
      out.setLength(out.length() - 1);
    }
    out.append('\n');
  }

  private static String cell(String value) {
    return TraceText.abbreviate(value, MAX_CELL);
  }
}
