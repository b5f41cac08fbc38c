package dev.agenttrace.redaction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the secrets in a text in one pass: provider key shapes (found by their literal prefix, then checked by an
 * anchored regular expression), JWTs, bearer and basic credentials, PEM private-key bodies, passwords in URLs, and
 * the values after labels that name a secret ({@code password=…}, {@code "token": "…"}, {@code Authorization: …},
 * a YAML line {@code api_key: …}); then the user's patterns. Labels stay; only the secret's characters are reported.
 */
final class TextSecrets {
  /** No built-in shape fits in fewer characters ({@code pwd=abc}). */
  static final int SHORTEST = 7;
  private static final int MAX_LABEL = 80;
  private static final String VALUE_STOPS = " \t\r\n&;,\"'<>)}]\\";

  private static final List<Shape> SHAPES = List.of(
      // OpenAI (sk-, sk-proj-, sk-svcacct-), Anthropic (sk-ant-), DeepSeek and others
      Shape.of("sk-", "sk-[A-Za-z0-9_-]{8,}"),
      // Stripe secret and restricted keys, webhook secrets
      Shape.of("sk_", "sk_(?:live|test)_[A-Za-z0-9]{10,}"),
      Shape.of("rk_", "rk_(?:live|test)_[A-Za-z0-9]{10,}"),
      Shape.of("whsec_", "whsec_[A-Za-z0-9+/=]{16,}"),
      // AWS access key ids
      Shape.of("AKIA", "AKIA[0-9A-Z]{16}(?![0-9A-Za-z])"),
      Shape.of("ASIA", "ASIA[0-9A-Z]{16}(?![0-9A-Za-z])"),
      // Google API keys, OAuth access tokens and client secrets
      Shape.of("AIza", "AIza[0-9A-Za-z_-]{35}"),
      Shape.of("ya29.", "ya29\\.[0-9A-Za-z_-]{20,}"),
      Shape.of("GOCSPX-", "GOCSPX-[A-Za-z0-9_-]{20,}"),
      // GitHub classic and fine-grained tokens
      Shape.of("gh", "gh[pousr]_[A-Za-z0-9]{20,}"),
      Shape.of("github_pat_", "github_pat_[A-Za-z0-9_]{20,}"),
      // GitLab personal, deploy, runner, trigger, feed ... tokens
      Shape.of("gl", "gl(?:pat|dt|rt|ptt|soat|cbt|imt|ft|agent)-[A-Za-z0-9_-]{20,}"),
      // Slack bot/user/app tokens and webhook URLs
      Shape.of("xox", "xox[abposre]-[A-Za-z0-9-]{10,}"),
      Shape.of("xapp-", "xapp-[0-9]+-[A-Za-z0-9-]{10,}"),
      Shape.of("hooks.slack.com/", "hooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9_/-]{10,})", 1),
      // Hugging Face, npm, PyPI, Groq, xAI, SendGrid
      Shape.of("hf_", "hf_[A-Za-z0-9]{30,}"),
      Shape.of("npm_", "npm_[A-Za-z0-9]{30,}"),
      Shape.of("pypi-", "pypi-[A-Za-z0-9_-]{50,}"),
      Shape.of("gsk_", "gsk_[A-Za-z0-9]{20,}"),
      Shape.of("xai-", "xai-[A-Za-z0-9]{20,}"),
      Shape.of("SG.", "SG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}"),
      // JSON Web Tokens
      Shape.of("eyJ", "eyJ[A-Za-z0-9_-]{7,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*"),
      // Authorization schemes: the credential after the scheme
      Shape.ignoringCase("bearer", "(?i)bearer\\s+([A-Za-z0-9._~+/=-]{8,})", 1, TextSecrets::looksLikeToken),
      Shape.ignoringCase("basic", "(?i)basic\\s+([A-Za-z0-9+/]{6,}={0,2})", 1, TextSecrets::isBasicCredential));

  private final Shape[][] shapesByFirstChar = new Shape[128][];
  private final SecretKeys keys;
  private final List<Pattern> userPatterns;
  private final Set<String> allowed;

  TextSecrets(SecretKeys keys, List<Pattern> userPatterns, Set<String> allowed) {
    this.keys = keys;
    this.userPatterns = List.copyOf(userPatterns);
    this.allowed = Set.copyOf(allowed);
    List<List<Shape>> byChar = new ArrayList<>();
    for (int c = 0; c < 128; c++) {
      byChar.add(new ArrayList<>());
    }
    for (Shape shape : SHAPES) {
      char first = shape.prefix().charAt(0);
      byChar.get(first).add(shape);
      if (shape.ignoreCase()) {
        byChar.get(Character.toUpperCase(first)).add(shape);
      }
    }
    for (int c = 0; c < 128; c++) {
      shapesByFirstChar[c] = byChar.get(c).isEmpty() ? null : byChar.get(c).toArray(new Shape[0]);
    }
  }

  boolean isAllowed(String value) {
    return allowed.contains(value);
  }

  /** The secrets in {@code text}; empty for {@code null} and short text. */
  Ranges find(String text) {
    Ranges found = new Ranges();
    if (text == null) {
      return found;
    }
    int n = text.length();
    if (n >= SHORTEST) {
      int i = 0;
      while (i < n) {
        int next = at(text, i, found);
        i = next > i ? next : i + 1;
      }
    }
    for (Pattern pattern : userPatterns) {
      Matcher matcher = pattern.matcher(text);
      boolean named = pattern.pattern().contains("(?<secret>");
      while (matcher.find()) {
        int start = named ? matcher.start("secret") : matcher.start();
        int end = named ? matcher.end("secret") : matcher.end();
        if (start >= 0) {
          addUnlessAllowed(text, start, end, found);
        }
      }
    }
    return found;
  }

  /** Looks for a secret starting (or, for labels, separated) at {@code i}; returns where to go on. */
  private int at(String text, int i, Ranges found) {
    char c = text.charAt(i);
    if (c == ':' || c == '=') {
      if (c == ':' && text.startsWith("//", i + 1)) {
        return urlPassword(text, i, found);
      }
      return labelled(text, i, found);
    }
    if (c == '-' && text.startsWith("-----BEGIN ", i)) {
      return pem(text, i, found);
    }
    if (c == 'J' && text.startsWith("JQQJ9", i)) {
      return azureKey(text, i, found);
    }
    if (c == 'Q' && text.startsWith("Q~", i) && i >= 4 && Character.isDigit(text.charAt(i - 1))) {
      return azureClientSecret(text, i - 1, found);
    }
    Shape[] shapes = c < 128 ? shapesByFirstChar[c] : null;
    if (shapes == null || (i > 0 && isWordChar(text.charAt(i - 1)))) {
      return i + 1;
    }
    for (Shape shape : shapes) {
      if (!text.regionMatches(shape.ignoreCase(), i, shape.prefix(), 0, shape.prefix().length())) {
        continue;
      }
      Matcher matcher = shape.pattern().matcher(text).region(i, text.length());
      if (matcher.lookingAt()) {
        String secret = matcher.group(shape.group());
        if (shape.check() == null || shape.check().test(secret)) {
          addUnlessAllowed(text, matcher.start(shape.group()), matcher.end(shape.group()), found);
          return matcher.end();
        }
      }
    }
    return i + 1;
  }

  /** {@code name=value}, {@code "name": "value"}, {@code Authorization: …} or a YAML line {@code name: value}. */
  private int labelled(String text, int separator, Ranges found) {
    int n = text.length();
    char c = text.charAt(separator);
    if (separator + 1 >= n || (c == '=' && (text.charAt(separator + 1) == '=' || separator == 0))) {
      return separator + 1;
    }
    int j = separator - 1;
    while (j >= 0 && separator - j <= 3 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j--;
    }
    boolean quoted = j >= 0 && (text.charAt(j) == '"' || text.charAt(j) == '\'');
    if (quoted) {
      j -= j > 0 && text.charAt(j - 1) == '\\' ? 2 : 1;
    }
    int labelEnd = j + 1;
    while (j >= 0 && labelEnd - j <= MAX_LABEL && isLabelChar(text.charAt(j))) {
      j--;
    }
    int labelStart = j + 1;
    if (labelEnd - labelStart < 3 || !keys.isSecret(text, labelStart, labelEnd)) {
      return separator + 1;
    }
    if (c == '=' || quoted) {
      return value(text, separator + 1, found);
    }
    if (SecretKeys.isHeaderName(text, labelStart, labelEnd)) {
      return restOfLine(text, separator + 1, found);
    }
    return atLineStart(text, labelStart) ? yamlValue(text, separator + 1, found) : separator + 1;
  }

  /** The value after {@code =} or a quoted label's {@code :}: quoted, bracketed or a bare word. */
  private int value(String text, int from, Ranges found) {
    int n = text.length();
    int k = skipBlanks(text, from);
    if (k >= n) {
      return k;
    }
    char c = text.charAt(k);
    if (c == '"' || c == '\'') {
      int close = closingQuote(text, k + 1, c);
      addValue(text, k + 1, close, found);
      return close;
    }
    if (c == '\\' && k + 1 < n && text.charAt(k + 1) == '"') {
      int close = text.indexOf("\\\"", k + 2);
      close = close < 0 ? n : close;
      addValue(text, k + 2, close, found);
      return close;
    }
    if (c == '[' || c == '{') {
      return bracketed(text, k, found);
    }
    int end = k;
    while (end < n && VALUE_STOPS.indexOf(text.charAt(end)) < 0) {
      end++;
    }
    if (!isLiteral(text, k, end)) {
      addValue(text, k, end, found);
    }
    return k;  // a bare value can start another secret ("secret=X-Api-Key: …", "key=-----BEGIN …"): scan it too
  }

  /** Every string value (not the keys) inside the array or object starting at {@code open}. */
  private int bracketed(String text, int open, Ranges found) {
    int n = text.length();
    int depth = 0;
    int k = open;
    while (k < n) {
      char c = text.charAt(k);
      if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
        if (depth == 0) {
          return k + 1;
        }
      } else if (c == '"') {
        int close = closingQuote(text, k + 1, '"');
        int after = skipBlanks(text, Math.min(n, close + 1));
        if (after >= n || text.charAt(after) != ':') {
          addValue(text, k + 1, close, found);
        }
        k = close;
      }
      k++;
    }
    return n;
  }

  /** A header value: the rest of the line, up to a quote, comma, brace or backslash. */
  private int restOfLine(String text, int from, Ranges found) {
    int n = text.length();
    int k = skipBlanks(text, from);
    if (k < n && (text.charAt(k) == '"' || text.charAt(k) == '\'')) {
      return value(text, k, found);
    }
    int end = k;
    while (end < n && "\"',}\n\r\\".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    int trimmed = end;
    while (trimmed > k && Character.isWhitespace(text.charAt(trimmed - 1))) {
      trimmed--;
    }
    if (!isProse(text, k, trimmed)) {
      addValue(text, k, trimmed, found);
    }
    return end;
  }

  /** A YAML-like line {@code password: value}: one word (or a quoted value) and nothing else on the line. */
  private int yamlValue(String text, int from, Ranges found) {
    int n = text.length();
    int k = skipBlanks(text, from);
    if (k < n && (text.charAt(k) == '"' || text.charAt(k) == '\'')) {
      return value(text, k, found);
    }
    int end = k;
    while (end < n && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    int rest = skipBlanks(text, end);
    if (rest >= n || text.charAt(rest) == '\n' || text.charAt(rest) == '\r') {
      addValue(text, k, end, found);
    }
    return end;
  }

  /** {@code scheme://user:password@host}: the password. */
  private int urlPassword(String text, int colon, Ranges found) {
    int n = text.length();
    int k = colon + 3;
    while (k < n && ":@/ \t\r\n?#\"'<>".indexOf(text.charAt(k)) < 0) {
      k++;
    }
    if (k >= n || text.charAt(k) != ':') {
      return colon + 3;
    }
    int password = k + 1;
    int end = password;
    while (end < n && "@/ \t\r\n?#\"'<>".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    if (end < n && text.charAt(end) == '@' && end > password) {
      addUnlessAllowed(text, password, end, found);
      return end;
    }
    return colon + 3;
  }

  /** A PEM private key: the body between its BEGIN and END lines (to the end of the text when cut). */
  private int pem(String text, int begin, Ranges found) {
    int headerEnd = text.indexOf("-----", begin + 11);
    if (headerEnd < 0 || headerEnd - begin > 64 || text.lastIndexOf("PRIVATE KEY", headerEnd) < begin) {
      return begin + 11;
    }
    int body = headerEnd + 5;
    int end = text.indexOf("-----END", body);
    end = end < 0 ? text.length() : end;
    addUnlessAllowed(text, body, end, found);
    return end;
  }

  /** Azure's identifiable keys: 52 characters, {@code JQQJ9}, the rest. */
  private int azureKey(String text, int marker, Ranges found) {
    int start = marker - 52;
    if (start < found.lastEnd() || start < 0 || (start > 0 && isWordChar(text.charAt(start - 1)))) {
      return marker + 5;
    }
    for (int k = start; k < marker; k++) {
      if (!isAlphanumeric(text.charAt(k))) {
        return marker + 5;
      }
    }
    int end = marker + 5;
    while (end < text.length() && isAlphanumeric(text.charAt(end))) {
      end++;
    }
    if (end - marker < 16) {
      return marker + 5;
    }
    end = text.startsWith("==", end) ? end + 2 : end;
    addUnlessAllowed(text, start, end, found);
    return end;
  }

  /** Microsoft Entra client secrets: three characters, a digit, {@code Q~}, 31 or more characters. */
  private int azureClientSecret(String text, int digit, Ranges found) {
    int start = digit - 3;
    for (int k = start; k < digit; k++) {
      if (!isClientSecretChar(text.charAt(k))) {
        return digit + 3;
      }
    }
    int end = digit + 3;
    while (end < text.length() && isClientSecretChar(text.charAt(end))) {
      end++;
    }
    if (end - digit - 3 < 31 || start < found.lastEnd() || (start > 0 && isClientSecretChar(text.charAt(start - 1)))) {
      return digit + 3;
    }
    addUnlessAllowed(text, start, end, found);
    return end;
  }

  private void addValue(String text, int start, int end, Ranges found) {
    if (end <= start || isMarker(text, start, end)) {
      return;
    }
    addUnlessAllowed(text, start, end, found);
  }

  private void addUnlessAllowed(String text, int start, int end, Ranges found) {
    if (end > start && (allowed.isEmpty() || !allowed.contains(text.substring(start, end)))) {
      found.add(start, end);
    }
  }

  /** Already redacted: a marker or placeholder such as {@code <secret>}, {@code [REDACTED]}, {@code <uuid-1>}. */
  private static boolean isMarker(String text, int start, int end) {
    char first = text.charAt(start);
    char last = text.charAt(end - 1);
    return end - start >= 3 && ((first == '<' && last == '>') || (first == '[' && last == ']'));
  }

  /** {@code null}, {@code true} or {@code false}: no secret. */
  private static boolean isLiteral(String text, int start, int end) {
    int length = end - start;
    return (length == 4 && (text.startsWith("null", start) || text.startsWith("true", start)))
        || (length == 5 && text.startsWith("false", start));
  }

  /** Three or more words without a digit or {@code =}: a sentence ({@code Authorization: none required}). */
  private static boolean isProse(String text, int start, int end) {
    int words = 1;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (Character.isDigit(c) || c == '=') {
        return false;
      }
      if (c == ' ' && k + 1 < end && text.charAt(k + 1) != ' ') {
        words++;
      }
    }
    return words >= 3;
  }

  private static int closingQuote(String text, int from, char quote) {
    for (int k = from; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == quote || c == '\n') {
        return k;
      }
    }
    return text.length();
  }

  private static int skipBlanks(String text, int from) {
    int k = from;
    while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
      k++;
    }
    return k;
  }

  private static boolean atLineStart(String text, int index) {
    for (int k = index - 1; k >= 0; k--) {
      char c = text.charAt(k);
      if (c == '\n' || c == '\r') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isWordChar(char c) {
    return isAlphanumeric(c) || c == '_';
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isLabelChar(char c) {
    return isWordChar(c) || c == '-' || c == '.';
  }

  private static boolean isClientSecretChar(char c) {
    return isWordChar(c) || c == '~' || c == '.' || c == '-';
  }

  /** A bearer credential: has a digit or symbol, or is long; not an English word after "bearer". */
  private static boolean looksLikeToken(String token) {
    if (token.length() >= 20) {
      return true;
    }
    for (int k = 0; k < token.length(); k++) {
      char c = token.charAt(k);
      if (!Character.isLetter(c)) {
        return true;
      }
    }
    return false;
  }

  /** A basic credential: Base64 of {@code user:password}, not an English word after "basic". */
  private static boolean isBasicCredential(String token) {
    try {
      String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      return decoded.indexOf(':') > 0 && decoded.chars().allMatch(ch -> ch >= 0x20 && ch != 0xFFFD);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  /** One key shape: the literal it starts with, its pattern, the group that is the secret and an extra check. */
  private record Shape(String prefix, boolean ignoreCase, Pattern pattern, int group, Predicate<String> check) {
    static Shape of(String prefix, String regex) {
      return new Shape(prefix, false, Pattern.compile(regex), 0, null);
    }

    static Shape of(String prefix, String regex, int group) {
      return new Shape(prefix, false, Pattern.compile(regex), group, null);
    }

    static Shape ignoringCase(String prefix, String regex, int group, Predicate<String> check) {
      return new Shape(prefix, true, Pattern.compile(regex), group, check);
    }
  }
}
