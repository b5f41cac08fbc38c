package dev.agenttrace.report;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  private static final List<String> SECRET_KEY_WORDS = List.of("authorization", "api_key", "api-key", "api.key",
      "apikey", "password", "secret", "credential", "cookie");

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
    if (secretKeys.computeIfAbsent(key, ReportText::namesSecret)) {
      return REDACTED;
    }
    return clean(value);
  }

  private static boolean namesSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return SECRET_KEY_WORDS.stream().anyMatch(lower::contains);
  }

  static String redact(String text) {
    if (!mightHoldSecret(text)) {
      return text;
    }
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

  /** A cheap scan for the words every secret pattern starts with, so most text skips the regular expression. */
  private static boolean mightHoldSecret(String text) {
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case 's', 'S' -> {
          if (text.regionMatches(true, i, "sk-", 0, 3)) {
            return true;
          }
        }
        case 'b', 'B' -> {
          if (text.regionMatches(true, i, "bearer", 0, 6)) {
            return true;
          }
        }
        case 'a', 'A' -> {
          if (text.regionMatches(true, i, "api", 0, 3) || text.regionMatches(true, i, "authorization", 0, 13)) {
            return true;
          }
        }
        default -> {
          // not the start of a secret's marker
        }
      }
    }
    return false;
  }
}
