package dev.agenttrace.trace;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What in a trace must never leave the test — API keys ({@code sk-…}, {@code sk-ant-…}, AWS, Google, GitHub),
 * bearer tokens, {@code Authorization} / API-key values, and the values of fields named like credentials — in one
 * place, so golden files, HTML reports and cassettes redact exactly the same things. Each caller picks its own
 * marker; labels such as {@code Authorization:} or {@code Bearer } stay, so the redacted text still reads.
 */
public final class Secrets {
  /** Field, attribute and header names (last dotted segment, lower case, {@code _} as {@code -}) holding secrets. */
  private static final Set<String> SECRET_NAMES = Set.of("authorization", "proxy-authorization", "x-api-key",
      "api-key", "apikey", "x-goog-api-key", "password", "passwd", "secret", "client-secret", "credential",
      "credentials", "token", "access-token", "refresh-token", "cookie", "set-cookie");
  /** No pattern matches a text shorter than this ({@code sk-} and eight characters). */
  private static final int SHORTEST_MATCH = 11;
  private static final List<Kind> KINDS = List.of(
      new Kind("(?i)\\b((?:proxy-)?authorization|x-api-key|api[-_]?key)(\"?\\s*[:=]\\s*\"?)[^\\s\"',}][^\"',}\\n]*",
          2, "authorization", "api"),
      new Kind("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]+", 1, "bearer"),
      new Kind("\\bsk-[A-Za-z0-9_-]{8,}", 0, "sk-"),
      new Kind("\\bAKIA[0-9A-Z]{16}\\b", 0, "akia"),
      new Kind("\\bAIza[0-9A-Za-z_-]{35}\\b", 0, "aiza"),
      new Kind("\\bgh[pousr]_[A-Za-z0-9]{20,}\\b", 0, "gh"));

  private Secrets() {}

  /** Name endings that mark a credential ({@code session_token}, {@code db.user_password}, not {@code input_tokens}). */
  private static final List<String> SECRET_SUFFIXES = List.of("-password", "-secret", "-token", "-api-key",
      "-credential", "-credentials", "-cookie");

  /** Whether a field, attribute or header called {@code name} holds a secret as its whole value. */
  public static boolean isSecretName(String name) {
    String last = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).replace('_', '-');
    return SECRET_NAMES.contains(last) || SECRET_SUFFIXES.stream().anyMatch(last::endsWith);
  }

  /** {@code text} with every secret replaced by {@code marker}; the labels in front of them are kept. */
  public static String redact(String text, String marker) {
    if (text == null || text.length() < SHORTEST_MATCH) {
      return text;
    }
    String result = text;
    for (Kind kind : KINDS) {
      if (kind.mayMatch(result)) {
        result = kind.replace(result, marker);
      }
    }
    return result;
  }

  /** One kind of secret: its pattern, how many leading groups are a label to keep, and the words it needs. */
  private record Kind(Pattern pattern, int labelGroups, List<String> requiredWords) {
    Kind(String regex, int labelGroups, String... requiredWords) {
      this(Pattern.compile(regex), labelGroups, List.of(requiredWords));
    }

    /** A cheap check before the regular expression: does the text contain one of the words the pattern needs? */
    boolean mayMatch(String text) {
      for (String word : requiredWords) {
        for (int i = 0; i + word.length() <= text.length(); i++) {
          if (text.regionMatches(true, i, word, 0, word.length())) {
            return true;
          }
        }
      }
      return false;
    }

    String replace(String text, String marker) {
      Matcher matcher = pattern.matcher(text);
      return matcher.replaceAll(match -> {
        StringBuilder kept = new StringBuilder();
        for (int group = 1; group <= labelGroups; group++) {
          kept.append(match.group(group));
        }
        return Matcher.quoteReplacement(kept + marker);
      });
    }
  }
}
