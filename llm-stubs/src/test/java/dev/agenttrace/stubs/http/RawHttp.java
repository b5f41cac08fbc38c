package dev.agenttrace.stubs.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A plain JDK HTTP client for the stubs' wire tests: posts JSON, returns the response as text or as a stream. */
public final class RawHttp {
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
    return client.send(request(url, json), HttpResponse.BodyHandlers.ofString());
  }

  /** Completes as soon as the status and headers arrived; the body is read as it comes. */
  public CompletableFuture<HttpResponse<InputStream>> postStreamingAsync(String url, String json) {
    return client.sendAsync(request(url, json), HttpResponse.BodyHandlers.ofInputStream());
  }

  private static HttpRequest request(String url, String json) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }
}
