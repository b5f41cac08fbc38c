package dev.agenttrace.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes recorded text fit to put in a report: secrets are redacted (API keys such as {@code sk-…}, bearer tokens,
 * {@code Authorization} / {@code x-api-key} values) and values longer than the limit are cut, with a visible marker
 * that gives the full length. Escaping is not its job: the text is embedded as JSON and rendered as text.
 */
final class ReportText {
  /** Replaces every redacted secret. */
  static final String REDACTED = "[REDACTED]";
  /** The default longest value kept, in characters. */
  static final int DEFAULT_MAX_CHARS = 64 * 1024;

  private static final Pattern SECRETS = Pattern.compile(
      "(?i)(\\b(?:authorization|proxy-authorization|x-api-key|api[-_]?key)\\b\"?\\s*[:=]\\s*\"?)[^\"\\n,}]+"
          + "|\\b(bearer\\s+)[A-Za-z0-9._~+/=-]{6,}"
          + "|\\b(sk-)[A-Za-z0-9_-]{6,}");
  private static final Pattern SECRET_KEYS = Pattern.compile(
      "(?i).*(authorization|api[-_.]?key|password|secret|credential|cookie).*");

  private final int maxChars;

  ReportText(int maxChars) {
    if (maxChars < 16) {
      throw new IllegalArgumentException("maxChars must be at least 16: " + maxChars);
    }
    this.maxChars = maxChars;
  }

  /** The text with secrets redacted and, when too long, cut to the limit with a marker. */
  String clean(String text) {
    if (text == null) {
      return null;
    }
    String cut = text.length() > maxChars ? text.substring(0, maxChars) : text;
    String redacted = redact(cut);
    if (cut.length() < text.length()) {
      return redacted + "\n… ✂ cut: showing " + maxChars + " of " + text.length() + " characters";
    }
    return redacted;
  }

  /** The value of attribute {@code key}: wholly redacted when the key names a secret. */
  String attribute(String key, String value) {
    if (SECRET_KEYS.matcher(key).matches() && !key.toLowerCase(Locale.ROOT).contains("token")) {
      return REDACTED;
    }
    return clean(value);
  }

  static String redact(String text) {
    Matcher matcher = SECRETS.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      int group = matcher.group(1) != null ? 1 : matcher.group(2) != null ? 2 : 3;
      out.append(text, last, matcher.end(group)).append(REDACTED);
      last = matcher.end();
    } while (matcher.find());
    return out.append(text, last, text.length()).toString();
  }
}
