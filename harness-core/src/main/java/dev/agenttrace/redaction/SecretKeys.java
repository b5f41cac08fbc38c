package dev.agenttrace.redaction;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a field, attribute or header name holds a credential as its whole value. Names are compared in a
 * normal form — the last dotted segment ({@code http.request.header.x-api-key} → {@code x-api-key}), camel case split
 * ({@code accessToken} → {@code access-token}), lower case, {@code _} as {@code -} — against built-in names, built-in
 * endings ({@code db.user_password}, {@code session_token}) and the user's globs. A cheap check for the stems every
 * built-in name contains runs first, so ordinary names ({@code role}, {@code input_tokens}) cost almost nothing.
 */
final class SecretKeys {
  private static final Set<String> NAMES = Set.of("authorization", "proxy-authorization", "x-api-key", "api-key",
      "apikey", "x-goog-api-key", "password", "passwd", "pwd", "passphrase", "secret", "client-secret",
      "api-secret", "credential", "credentials", "token", "access-token", "refresh-token", "id-token",
      "auth-token", "cookie", "set-cookie", "private-key", "secret-key", "access-key", "account-key",
      "subscription-key", "sig");
  private static final List<String> SUFFIXES = List.of("-password", "-passwd", "-passphrase", "-secret", "-token",
      "-api-key", "-apikey", "-credential", "-credentials", "-cookie", "-private-key", "-secret-key", "-access-key",
      "-account-key", "-subscription-key");
  /** Names that end like a credential but hold a paging cursor. */
  private static final List<String> NOT_SECRET_SUFFIXES = List.of("page-token", "continuation-token");
  /** Every built-in name and ending contains one of these (compared ignoring case). */
  private static final List<String> STEMS = List.of("pass", "pwd", "secret", "token", "key", "auth", "cred",
      "cookie", "sig");
  /** Names whose value is a whole header line's worth of text ({@code Authorization: Bearer …}). */
  private static final Set<String> HEADER_NAMES = Set.of("authorization", "proxy-authorization", "x-api-key",
      "api-key", "x-goog-api-key", "cookie", "set-cookie");

  private final List<Pattern> userGlobs;

  SecretKeys(List<String> userKeys) {
    this.userGlobs = userKeys.stream().map(SecretKeys::glob).toList();
  }

  boolean isSecret(String name) {
    return name != null && isSecret(name, 0, name.length());
  }

  /** Whether {@code text[from, to)} names a secret. */
  boolean isSecret(String text, int from, int to) {
    if (to - from < 3 || (userGlobs.isEmpty() && !hasStem(text, from, to))) {
      return false;
    }
    String whole = normalize(text, from, to);
    int dot = whole.lastIndexOf('.');
    String last = dot < 0 ? whole : whole.substring(dot + 1);
    if (isBuiltIn(last)) {
      return true;
    }
    for (Pattern glob : userGlobs) {
      if (glob.matcher(last).matches() || glob.matcher(whole).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code name} is a header whose value is a whole line ({@code Authorization: Basic …}). */
  static boolean isHeaderName(String text, int from, int to) {
    return to - from <= 24 && HEADER_NAMES.contains(normalize(text, from, to));
  }

  private static boolean isBuiltIn(String last) {
    if (NAMES.contains(last)) {
      return true;
    }
    for (String suffix : SUFFIXES) {
      if (last.endsWith(suffix)) {
        for (String exception : NOT_SECRET_SUFFIXES) {
          if (last.endsWith(exception)) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  private static boolean hasStem(String text, int from, int to) {
    for (String stem : STEMS) {
      int last = to - stem.length();
      for (int i = from; i <= last; i++) {
        char c = text.charAt(i);
        if ((c | 0x20) == stem.charAt(0) && text.regionMatches(true, i, stem, 0, stem.length())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Lower case, {@code _} and spaces as {@code -}, a {@code -} between a lower-case letter or digit and a capital. */
  static String normalize(String text, int from, int to) {
    StringBuilder out = new StringBuilder(to - from + 4);
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (Character.isUpperCase(c) && i > from) {
        char before = text.charAt(i - 1);
        boolean nextLower = i + 1 < to && Character.isLowerCase(text.charAt(i + 1));
        if (Character.isLowerCase(before) || Character.isDigit(before)
            || (Character.isUpperCase(before) && nextLower)) {
          out.append('-');
        }
      }
      out.append(c == '_' || c == ' ' ? '-' : Character.toLowerCase(c));
    }
    return out.toString();
  }

  private static Pattern glob(String key) {
    String normal = normalize(key.strip(), 0, key.strip().length());
    if (normal.isEmpty() || normal.chars().allMatch(c -> c == '*')) {
      throw new IllegalArgumentException("'" + key + "' is not a secret key name; list names such as 'ssn' or "
          + "'*-pin' ('*' matches any text), separated by commas");
    }
    StringBuilder regex = new StringBuilder();
    int start = 0;
    for (int star = normal.indexOf('*'); star >= 0; star = normal.indexOf('*', start)) {
      regex.append(Pattern.quote(normal.substring(start, star))).append(".*");
      start = star + 1;
    }
    return Pattern.compile(regex.append(Pattern.quote(normal.substring(start))).toString());
  }
}
