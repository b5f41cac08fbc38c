package dev.agenttrace.trace;

import java.time.Duration;
import java.util.Locale;

/**
 * Turns span values into short, single-line text for failure messages and tree renderings: long values are cut
 * with a marker that says how much was left out ({@code …(+4,812 chars)}), line breaks are shown as {@code ⏎}.
 * Only the kept prefix of a value is ever copied, so a 5 MB attribute costs no more than a short one.
 */
public final class TraceText {
  /** The length at which values in tree renderings are cut. */
  public static final int DEFAULT_MAX_CHARS = 120;

  private TraceText() {}

  /** {@code value} on one line, cut after {@code maxChars} characters; {@code "null"} for {@code null}. */
  public static String abbreviate(String value, int maxChars) {
    if (value == null) {
      return "null";
    }
    int cut = Math.min(value.length(), Math.max(0, maxChars));
    if (cut < value.length() && cut > 0 && Character.isHighSurrogate(value.charAt(cut - 1))) {
      cut--;
    }
    StringBuilder text = new StringBuilder(cut + 24);
    for (int i = 0; i < cut; i++) {
      char c = value.charAt(i);
      if (c == '\n') {
        text.append('⏎');
      } else if (c == '\r') {
        if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
          text.append('⏎');
        }
      } else if (c == '\t') {
        text.append(' ');
      } else {
        text.append(c);
      }
    }
    if (cut < value.length()) {
      text.append("…(+").append(String.format(Locale.ROOT, "%,d", value.length() - cut)).append(" chars)");
    }
    return text.toString();
  }

  /** {@link #abbreviate(String, int)} with {@link #DEFAULT_MAX_CHARS}. */
  public static String abbreviate(String value) {
    return abbreviate(value, DEFAULT_MAX_CHARS);
  }

  /** A compact duration: {@code 850µs}, {@code 12ms}, {@code 1.25s}, {@code 2m03s}. */
  public static String duration(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos < 0) {
      return "-" + duration(duration.negated());
    }
    if (nanos < 1_000_000L) {
      return nanos / 1_000L + "µs";
    }
    if (nanos < 1_000_000_000L) {
      return nanos / 1_000_000L + "ms";
    }
    if (nanos < 60_000_000_000L) {
      return String.format(Locale.ROOT, "%.2fs", nanos / 1e9);
    }
    long seconds = duration.getSeconds();
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
  }

  /** {@code "1 tool call"} / {@code "2 tool calls"}. */
  static String count(long count, String singular, String plural) {
    return count + " " + (count == 1 ? singular : plural);
  }
}
