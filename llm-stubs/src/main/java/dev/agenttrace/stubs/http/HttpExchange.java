package dev.agenttrace.stubs.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the stub received it: URL path, query string, headers (names lower-cased) and body text.
 *
 * @param path the URL path, e.g. {@code /v1/chat/completions}
 * @param query the query string without {@code ?} ({@code ""} when there is none)
 * @param headers every header, names in lower case
 * @param body the request body
 */
record HttpExchange(String path, String query, Map<String, List<String>> headers, String body) {
  HttpExchange {
    query = query == null ? "" : query;
    headers = Map.copyOf(headers);
  }

  HttpExchange(String path, Map<String, List<String>> headers, String body) {
    this(path, "", headers, body);
  }

  /** The path with {@code ?query} when there is one, as the client sent it. */
  String pathAndQuery() {
    return query.isEmpty() ? path : path + "?" + query;
  }

  Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
