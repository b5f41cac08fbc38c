package dev.agenttrace.report;

import java.util.regex.Pattern;

/**
 * Drops what a reader of the shipped page never needs from the script and stylesheets that every report inlines:
 * indentation, blank lines, whole-line {@code //} comments in scripts and {@code /* … *}{@code /} comments in
 * stylesheets. Line breaks stay (a script's automatic semicolons depend on them) and nothing inside a line changes,
 * so the code runs exactly as written; the Content-Security-Policy hashes are computed over this compacted text.
 */
final class CompactText {
  private static final Pattern CSS_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

  private CompactText() {}

  /** The script without indentation, blank lines and whole-line comments. */
  static String script(String source) {
    StringBuilder out = new StringBuilder(source.length());
    source.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("//"))
        .forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  /** The stylesheet without comments, indentation and blank lines. */
  static String style(String source) {
    StringBuilder out = new StringBuilder(source.length());
    CSS_COMMENT.matcher(source).replaceAll("").lines().map(String::strip).filter(line -> !line.isEmpty())
        .forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }
}
