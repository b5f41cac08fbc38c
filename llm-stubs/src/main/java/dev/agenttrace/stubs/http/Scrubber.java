package dev.agenttrace.stubs.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Removes secrets from recorded traffic before anything is written: credential and organization headers are
 * replaced by {@value #SCRUBBED}, and in every text (bodies, other header values) the API keys sent with the
 * request, {@code sk-...} keys and {@code org-...} organization ids are replaced too.
 */
final class Scrubber {
  static final String SCRUBBED = "<scrubbed>";

  private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-api-key", "api-key",
      "openai-organization", "openai-project", "anthropic-organization-id", "cookie", "set-cookie",
      "proxy-authorization", "x-goog-api-key");
  private static final Pattern KEY_LIKE = Pattern.compile("\\b(sk-[A-Za-z0-9_\\-]{6,}|org-[A-Za-z0-9]{6,})");
  private static final Pattern BEARER = Pattern.compile("(?i)^bearer\\s+");

  private final Set<String> secrets;

  /** A scrubber that also removes the secret values of {@code requestHeaders} wherever they appear. */
  Scrubber(Map<String, String> requestHeaders) {
    this.secrets = requestHeaders.entrySet().stream()
        .filter(header -> SECRET_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT)))
        .map(header -> BEARER.matcher(header.getValue()).replaceFirst("").strip())
        .filter(value -> value.length() >= 4)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Headers sorted by name, secret ones replaced, values scrubbed. */
  Map<String, String> headers(Map<String, String> headers) {
    Map<String, String> scrubbed = new TreeMap<>();
    headers.forEach((name, value) -> scrubbed.put(name.toLowerCase(Locale.ROOT),
        SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? SCRUBBED : text(value)));
    return new LinkedHashMap<>(scrubbed);
  }

  String text(String text) {
    String scrubbed = text;
    for (String secret : secrets) {
      scrubbed = scrubbed.replace(secret, SCRUBBED);
    }
    return KEY_LIKE.matcher(scrubbed).replaceAll(SCRUBBED);
  }
}
