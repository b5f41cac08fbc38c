package dev.agenttrace.stubs.http;

import dev.agenttrace.redaction.RedactionPolicy;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes secrets from recorded traffic before anything is written, with the {@link RedactionPolicy} that golden
 * files and reports use (marker {@value #SCRUBBED}): credential and organization headers are replaced whole; bodies
 * are redacted by structure when they are JSON (secret-named fields at any depth, JSON inside JSON strings) and by
 * shape otherwise; query strings and other header values by shape and label; event streams are reassembled across
 * chunks first ({@link EventStreamScrubber}). The API keys sent with the request and {@code org-...} organization ids
 * are replaced wherever they appear.
 */
final class Scrubber {
  static final String SCRUBBED = "<scrubbed>";

  /** Account headers, on top of the credential headers {@link RedactionPolicy#isSecretKey} knows. */
  private static final Set<String> ACCOUNT_HEADERS = Set.of("openai-organization", "openai-project",
      "anthropic-organization-id");
  private static final Pattern ORGANIZATION_ID = Pattern.compile("\\borg-[A-Za-z0-9]{6,}");
  private static final Pattern BEARER = Pattern.compile("(?i)^(bearer|basic)\\s+");

  private final RedactionPolicy policy;
  private final Set<String> secrets;

  /** A scrubber that also removes the secret values of {@code requestHeaders} wherever they appear. */
  Scrubber(Map<String, String> requestHeaders, RedactionPolicy policy) {
    this.policy = policy.withMarker(SCRUBBED);
    this.secrets = requestHeaders.entrySet().stream()
        .filter(header -> isSecretHeader(header.getKey()))
        .map(header -> BEARER.matcher(header.getValue()).replaceFirst("").strip())
        .filter(value -> value.length() >= 4 && !policy.isAllowed(value))
        .collect(Collectors.toSet());
  }

  /** Headers sorted by name, secret ones replaced, values scrubbed. */
  Map<String, String> headers(Map<String, String> headers) {
    Map<String, String> scrubbed = new TreeMap<>();
    headers.forEach((name, value) -> scrubbed.put(name.toLowerCase(Locale.ROOT),
        isSecretHeader(name) && !value.isEmpty() && !policy.isAllowed(value) ? SCRUBBED : text(value)));
    return new LinkedHashMap<>(scrubbed);
  }

  /**
   * A request path with its query string: parameters named like secrets replaced whole, the others URL-decoded,
   * redacted like any text and encoded again when something was found.
   */
  String path(String pathAndQuery) {
    int question = pathAndQuery.indexOf('?');
    if (question < 0) {
      return policy.redactPlainText(literalSecrets(pathAndQuery));
    }
    StringBuilder out = new StringBuilder(policy.redactPlainText(literalSecrets(pathAndQuery.substring(0, question))));
    String separator = "?";
    for (String parameter : pathAndQuery.substring(question + 1).split("&", -1)) {
      int equals = parameter.indexOf('=');
      String name = equals < 0 ? parameter : parameter.substring(0, equals);
      String value = equals < 0 ? "" : parameter.substring(equals + 1);
      String decoded = decode(value);
      String redacted = policy.redact(literalSecrets(decoded));
      out.append(separator).append(literalSecrets(name));
      if (equals >= 0) {
        out.append('=').append(policy.isSecretKey(decode(name)) && !value.isEmpty() ? SCRUBBED
            : redacted.equals(decoded) ? value : URLEncoder.encode(redacted, StandardCharsets.UTF_8));
      }
      separator = "&";
    }
    return out.toString();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEncoded) {
      return text;
    }
  }

  /** A body: JSON by structure, other text by shape and label. */
  String text(String text) {
    return policy.redact(literalSecrets(text));
  }

  /** A {@code text/event-stream} body, its streamed text reassembled across events before it is scrubbed. */
  String eventStream(String body) {
    return new EventStreamScrubber(policy, this::text).scrub(body);
  }

  private String literalSecrets(String text) {
    String scrubbed = text;
    for (String secret : secrets) {
      scrubbed = scrubbed.replace(secret, SCRUBBED);
    }
    return ORGANIZATION_ID.matcher(scrubbed).replaceAll(SCRUBBED);
  }

  private boolean isSecretHeader(String name) {
    return policy.isSecretKey(name) || ACCOUNT_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }
}
