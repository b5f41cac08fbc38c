package dev.agenttrace.assertions;

import dev.agenttrace.trace.TraceSpan;
import dev.agenttrace.trace.TraceText;
import java.util.List;

/**
 * The field-by-field comparison of the closest candidate with what a selection asked for, after WireMock's "Request
 * was not matched" table: one {@link Row} per condition with the expected value, the candidate's value and whether it
 * matched. A {@link TraceAssertionError} carries it when a selection came up short.
 */
public final class NearMissTable {
  private static final int MAX_CELL = 48;

  private final String title;
  private final String spanId;
  private final List<Row> rows;

  /** One condition of the selection, compared with the candidate. */
  public record Row(String field, String expected, String actual, boolean matches) {}

  NearMissTable(String what, TraceSpan candidate, List<Row> rows) {
    this.title = "Closest " + what + ": " + candidate.name() + " (span " + candidate.spanId() + ")";
    this.spanId = candidate.spanId();
    this.rows = List.copyOf(rows);
  }

  /** {@code Closest tool call: execute_tool get_weather (span …)}. */
  public String title() {
    return title;
  }

  /** The span id of the closest candidate. */
  public String spanId() {
    return spanId;
  }

  /** The conditions, in the order they were applied; values in full. */
  public List<Row> rows() {
    return rows;
  }

  /** The table as text: the title, then aligned columns {@code field | expected | actual | ✓/✗}, cells shortened. */
  public String render() {
    List<String[]> cells = rows.stream().map(row -> new String[] {row.field(), cell(row.expected()),
        cell(row.actual()), row.matches() ? "✓" : "✗"}).toList();
    int[] widths = {"field".length(), "expected".length(), "actual".length()};
    for (String[] row : cells) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder(title).append('\n');
    line(out, widths, new String[] {"field", "expected", "actual", ""});
    for (String[] row : cells) {
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

  @Override
  public String toString() {
    return render();
  }
}
