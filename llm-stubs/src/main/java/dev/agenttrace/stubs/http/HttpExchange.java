package dev.agenttrace.stubs.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the stub received it: URL path, headers (names lower-cased) and body text.
 *
 * @param path the URL path, e.g. {@code /v1/chat/completions}
 * @param headers every header, names in lower case
 * @param body the request body
 */
record HttpExchange(String path, Map<String, List<String>> headers, String body) {
  HttpExchange {
    headers = Map.copyOf(headers);
  }

  Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
