package dev.agenttrace.stubs.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.redaction.RedactionPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Record mode: forwards each chat request to the real provider at {@code target}, answers with the provider's
 * response, and rewrites the cassette with every exchange so far, scrubbed ({@link Scrubber}) of every secret the
 * {@link RedactionPolicy} knows — headers, query string, bodies and streamed replies — and of organization ids.
 */
final class RecordingReplies implements ReplySource {
  private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "transfer-encoding",
      "accept-encoding", "upgrade", "http2-settings", "expect");
  private static final Set<String> NOT_RETURNED = Set.of("content-length", "connection", "transfer-encoding",
      "content-encoding");

  private final URI target;
  private final Path cassette;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final List<Cassette.Interaction> recorded = new ArrayList<>();
  private final RedactionPolicy redaction;

  RecordingReplies(URI target, Path cassette, RedactionPolicy redaction) {
    this.target = target;
    this.cassette = cassette;
    this.redaction = redaction;
  }

  @Override
  public Outcome answer(HttpExchange exchange, JsonNode body, ChatRequest request) {
    Map<String, String> requestHeaders = new LinkedHashMap<>();
    HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.pathAndQuery()))
        .POST(HttpRequest.BodyPublishers.ofString(exchange.body()));
    exchange.headers().forEach((name, values) -> {
      if (!NOT_FORWARDED.contains(name) && !values.isEmpty()) {
        values.forEach(value -> forward.header(name, value));
        requestHeaders.put(name, values.get(0));
      }
    });
    HttpResponse<String> response;
    try {
      response = client.send(forward.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("Recording: cannot reach " + target, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Recording interrupted", e);
    }
    Map<String, String> responseHeaders = new LinkedHashMap<>();
    response.headers().map().forEach((name, values) -> {
      if (!NOT_RETURNED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":") && !values.isEmpty()) {
        responseHeaders.put(name.toLowerCase(Locale.ROOT), values.get(0));
      }
    });
    Scrubber scrubber = new Scrubber(requestHeaders, redaction);
    String responseBody = Cassette.isEventStream(responseHeaders) ? scrubber.eventStream(response.body())
        : scrubber.text(response.body());
    synchronized (recorded) {
      recorded.add(new Cassette.Interaction(scrubber.path(exchange.pathAndQuery()), scrubber.headers(requestHeaders),
          scrubber.text(exchange.body()), response.statusCode(), scrubber.headers(responseHeaders), responseBody));
      Cassette.write(cassette, recorded);
    }
    return Outcome.passedThrough(new WireResponse(response.statusCode(), responseHeaders, response.body(), null));
  }
}
