package dev.agenttrace.report;

import dev.agenttrace.trace.Secrets;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes recorded text fit to put in a report: secrets are redacted exactly as in golden files ({@link Secrets}) and
 * values longer than the limit are cut, with a visible marker that gives the full length. Escaping is not its job:
 * the text is embedded as JSON and rendered as text.
 */
final class ReportText {
  /** Replaces every redacted secret. */
  static final String REDACTED = "[REDACTED]";
  /** The default longest value kept, in characters. */
  static final int DEFAULT_MAX_CHARS = 64 * 1024;

  private final int maxChars;
  /** Whether each attribute key seen so far names a secret; keys repeat on every span. */
  private final Map<String, Boolean> secretKeys = new HashMap<>();

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
    if (secretKeys.computeIfAbsent(key, Secrets::isSecretName)) {
      return REDACTED;
    }
    return clean(value);
  }

  static String redact(String text) {
    return Secrets.redact(text, REDACTED);
  }
}
