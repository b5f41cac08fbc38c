package dev.agenttrace.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Neutralizes JSON text on its way into a {@code <script type="application/json">} block: {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029 become {@code \}{@code uXXXX} escapes. Outside string literals JSON never contains
 * these characters, so the result is the same JSON value, and no {@code </script>}, {@code <!--} or {@code ]]>} can
 * end or alter the block.
 */
final class ScriptData extends FilterWriter {
  ScriptData(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    String escape = escape((char) c);
    if (escape == null) {
      out.write(c);
    } else {
      out.write(escape);
    }
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      String escape = escape(chars[i]);
      if (escape != null) {
        out.write(chars, start, i - start);
        out.write(escape);
        start = i + 1;
      }
    }
    out.write(chars, start, end - start);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    char[] chars = new char[length];
    text.getChars(offset, offset + length, chars, 0);
    write(chars, 0, length);
  }

  private static String escape(char c) {
    return switch (c) {
      case '<' -> "\\u003c";
      case '>' -> "\\u003e";
      case '&' -> "\\u0026";
      case '\u2028' -> "\\u2028";
      case '\u2029' -> "\\u2029";
      default -> null;
    };
  }
}
