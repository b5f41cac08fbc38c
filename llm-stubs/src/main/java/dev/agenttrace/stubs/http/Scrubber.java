package dev.agenttrace.stubs.http;

import dev.agenttrace.trace.Secrets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Removes secrets from recorded traffic before anything is written: credential and organization headers are
 * replaced by {@value #SCRUBBED}, and in every text (bodies, other header values) the API keys sent with the
 * request, every secret {@link Secrets} knows (as golden files and reports redact them) and {@code org-...}
 * organization ids are replaced too.
 */
final class Scrubber {
  static final String SCRUBBED = "<scrubbed>";

  /** Account headers, on top of the credential headers {@link Secrets#isSecretName} knows. */
  private static final Set<String> ACCOUNT_HEADERS = Set.of("openai-organization", "openai-project",
      "anthropic-organization-id");
  private static final Pattern ORGANIZATION_ID = Pattern.compile("\\borg-[A-Za-z0-9]{6,}");
  private static final Pattern BEARER = Pattern.compile("(?i)^bearer\\s+");

  private final Set<String> secrets;

  /** A scrubber that also removes the secret values of {@code requestHeaders} wherever they appear. */
  Scrubber(Map<String, String> requestHeaders) {
    this.secrets = requestHeaders.entrySet().stream()
        .filter(header -> isSecretHeader(header.getKey()))
        .map(header -> BEARER.matcher(header.getValue()).replaceFirst("").strip())
        .filter(value -> value.length() >= 4)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Headers sorted by name, secret ones replaced, values scrubbed. */
  Map<String, String> headers(Map<String, String> headers) {
    Map<String, String> scrubbed = new TreeMap<>();
    headers.forEach((name, value) -> scrubbed.put(name.toLowerCase(Locale.ROOT),
        isSecretHeader(name) ? SCRUBBED : text(value)));
    return new LinkedHashMap<>(scrubbed);
  }

  String text(String text) {
    String scrubbed = text;
    for (String secret : secrets) {
      scrubbed = scrubbed.replace(secret, SCRUBBED);
    }
    return ORGANIZATION_ID.matcher(Secrets.redact(scrubbed, SCRUBBED)).replaceAll(SCRUBBED);
  }

  private static boolean isSecretHeader(String name) {
    return Secrets.isSecretName(name) || ACCOUNT_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }
}
