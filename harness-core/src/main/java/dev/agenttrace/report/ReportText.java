package dev.agenttrace.report;

import dev.agenttrace.redaction.RedactionPolicy;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes recorded text fit to put in a report: secrets are redacted exactly as in golden files (one
 * {@link RedactionPolicy}; JSON by structure) and values longer than the limit are cut, with a visible marker that
 * gives the full length. Redaction runs before the cut, so a secret is never cut into a part that no rule knows. Escaping is not its job:
 * the text is embedded as JSON and rendered as text.
 */
final class ReportText {
  /** Replaces every redacted secret. */
  static final String REDACTED = "[REDACTED]";
  /** The default longest value kept, in characters. */
  static final int DEFAULT_MAX_CHARS = 64 * 1024;

  private final int maxChars;
  private final RedactionPolicy policy;
  /** Whether each attribute key seen so far names a secret; keys repeat on every span. */
  private final Map<String, Boolean> secretKeys = new HashMap<>();

  ReportText(int maxChars) {
    this(maxChars, RedactionPolicy.defaults());
  }

  ReportText(int maxChars, RedactionPolicy policy) {
    if (maxChars < 16) {
      throw new IllegalArgumentException("maxChars must be at least 16: " + maxChars);
    }
    this.maxChars = maxChars;
    this.policy = policy.withMarker(REDACTED);
  }

  /** The text with secrets redacted and, when too long, cut to the limit with a marker. */
  String clean(String text) {
    if (text == null) {
      return null;
    }
    String redacted = policy.redactHead(text, maxChars);
    if (redacted.length() > maxChars && text.length() > maxChars) {
      return redacted.substring(0, maxChars) + "\n… ✂ cut: showing " + maxChars + " of " + text.length()
          + " characters";
    }
    return redacted;
  }

  /** The value of attribute {@code key}: wholly redacted when the key names a secret. */
  String attribute(String key, String value) {
    if (secretKeys.computeIfAbsent(key, policy::isSecretKey)) {
      return value.isEmpty() || policy.isAllowed(value) ? value : REDACTED;
    }
    return clean(value);
  }

  /** {@code text} with secrets redacted, not cut. */
  String redact(String text) {
    return policy.redact(text);
  }
}
