package dev.agenttrace.stubs;

/**
 * Renders user-supplied text (prompts, replies, tool arguments) into one-line failure messages: control characters
 * are escaped so every value stays on its line, long values are cut with a marker giving their full length.
 * Never feeds user text to {@code String.format}, so {@code %} prints literally.
 */
final class Text {
  /** Code points kept before a value is abbreviated. */
  static final int MAX_CODE_POINTS = 80;

  private Text() {}

  /** {@code text} escaped and cut to {@link #MAX_CODE_POINTS} code points, e.g. {@code "abc… (312 chars)"}. */
  static String abbreviate(String text) {
    int length = text.codePointCount(0, text.length());
    if (length <= MAX_CODE_POINTS) {
      return escape(text);
    }
    return escape(prefix(text, MAX_CODE_POINTS)) + "… (" + length + " chars)";
  }

  /** {@code text} abbreviated and wrapped in double quotes. */
  static String quote(String text) {
    return '"' + abbreviate(text) + '"';
  }

  /** The first {@code codePoints} code points of {@code text}, never splitting a surrogate pair. */
  static String prefix(String text, int codePoints) {
    int length = text.codePointCount(0, text.length());
    return length <= codePoints ? text : text.substring(0, text.offsetByCodePoints(0, codePoints));
  }

  /** {@code text} as the body of a Java string literal (for the code snippets suggested in failure messages). */
  static String javaLiteral(String text) {
    return '"' + escape(text.replace("\\", "\\\\").replace("\"", "\\\"")) + '"';
  }

  /** {@code text} padded with spaces to {@code width} code points. */
  static String pad(String text, int width) {
    StringBuilder padded = new StringBuilder(text);
    for (int i = width(text); i < width; i++) {
      padded.append(' ');
    }
    return padded.toString();
  }

  static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
