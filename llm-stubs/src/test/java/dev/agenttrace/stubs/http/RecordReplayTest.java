package dev.agenttrace.stubs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.agenttrace.stubs.gemini.GeminiStub;
import dev.agenttrace.stubs.openai.OpenAiStub;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record against a fake provider on loopback (never a real one), check the cassette is scrubbed, replay offline: an
 * OpenAI chat completion, and a Gemini stream whose API key travels in a header, the query string and two chunks.
 */
class RecordReplayTest {
  private static final String KEY = "sk-live-0123456789abcdef";
  private static final String BODY = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  private static final String GOOGLE_KEY = "AIzaSyD3mo0FaKeK3yF0rT3st1ng0nlyXyZ1234";
  private static final String GEMINI_STREAM = "/v1beta/models/gemini-2.5-flash:streamGenerateContent";
  private static final String GEMINI_BODY = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]}";

  private HttpServer provider;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startFakeProvider() throws IOException {
    provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    provider.createContext("/v1/chat/completions", exchange -> {
      byte[] body = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\",\"choices\":[{"
          + "\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"Hello, "
          + "org-abcdef123456 here; your key " + KEY + "\"}}]}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("openai-organization", "org-abcdef123456");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    provider.createContext("/v1beta/models/", exchange -> {
      // the key streamed back in two chunks, cut in the middle, as a model might echo it
      String cut = GOOGLE_KEY.substring(0, 17);
      byte[] body = (geminiChunk("Your key is " + cut) + geminiChunk(GOOGLE_KEY.substring(17) + ", keep it."))
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    provider.start();
  }

  private static String geminiChunk(String text) {
    return "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"" + text
        + "\"}]},\"index\":0}]}\n\n";
  }

  @AfterEach
  void stopFakeProvider() {
    provider.stop(0);
  }

  @Test
  void recordsScrubbedCassetteAndReplaysIt(@TempDir Path dir) throws Exception {
    Path cassette = dir.resolve("RecordReplayTest.recordsScrubbedCassetteAndReplaysIt.json");
    URI target = URI.create("http://localhost:" + provider.getAddress().getPort());
    try (OpenAiStub recorder = OpenAiStub.builder().recordTo(target, cassette).start()) {
      HttpResponse<String> live = post(recorder.baseUrl(), BODY);
      assertTrue(live.body().contains(KEY), "the client gets the provider's response unchanged");
    }

    String written = Files.readString(cassette);
    assertFalse(written.contains(KEY), written);
    assertFalse(written.contains("org-abcdef123456"), written);
    assertTrue(written.contains("\"authorization\" : \"<scrubbed>\""), written);
    assertTrue(written.contains("\"openai-organization\" : \"<scrubbed>\""), written);

    provider.stop(0);
    try (OpenAiStub replayer = OpenAiStub.builder().replayFrom(cassette).start()) {
      HttpResponse<String> replayed = post(replayer.baseUrl(), BODY.replace("\"Hi\"", " \"Hi\" "));
      assertEquals(200, replayed.statusCode());
      assertTrue(replayed.body().contains("Hello, <scrubbed> here"), replayed.body());

      HttpResponse<String> unknown = post(replayer.baseUrl(), BODY.replace("Hi", "Bye"));
      assertEquals(404, unknown.statusCode());
      AssertionError error = assertThrows(AssertionError.class, replayer::verifyNoUnmatchedRequests);
      assertTrue(error.getMessage().contains("has no unused recording of /v1/chat/completions"), error.getMessage());
    }
  }

  @Test
  void recordsAGeminiStreamWithTheKeyScrubbedFromHeaderQueryAndChunksAndReplaysIt(@TempDir Path dir)
      throws Exception {
    Path cassette = dir.resolve("gemini.json");
    URI target = URI.create("http://localhost:" + provider.getAddress().getPort());
    try (GeminiStub recorder = GeminiStub.builder().recordTo(target, cassette).start()) {
      HttpResponse<String> live = postGemini(recorder.baseUrl(), GEMINI_BODY);
      assertTrue(live.body().contains("Your key is AIza"), "the client gets the provider's stream unchanged");
    }

    String written = Files.readString(cassette);
    assertFalse(written.contains(GOOGLE_KEY.substring(4, 20)), written);
    assertFalse(written.contains(GOOGLE_KEY.substring(20)), written);
    assertTrue(written.contains("\"x-goog-api-key\" : \"<scrubbed>\""), written);
    assertTrue(written.contains(GEMINI_STREAM + "?alt=sse&key=%3Cscrubbed%3E"), written);

    provider.stop(0);
    try (GeminiStub replayer = GeminiStub.builder().replayFrom(cassette).start()) {
      HttpResponse<String> replayed = postGemini(replayer.baseUrl(), GEMINI_BODY);
      assertEquals(200, replayed.statusCode());
      assertTrue(replayed.body().contains("Your key is <scrubbed>"), replayed.body());
      replayer.verifyNoUnmatchedRequests();

      postGemini(replayer.baseUrl(), GEMINI_BODY.replace("Hi", "My key is " + GOOGLE_KEY));
      String report = assertThrows(AssertionError.class, replayer::verifyNoUnmatchedRequests).getMessage();
      assertTrue(report.contains("has no unused recording of " + GEMINI_STREAM), report);
      assertFalse(report.contains(GOOGLE_KEY.substring(4)), report);
    }
  }

  private HttpResponse<String> postGemini(String baseUrl, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + GEMINI_STREAM + "?alt=sse&key=" + GOOGLE_KEY))
        .header("x-goog-api-key", GOOGLE_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String baseUrl, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
        .header("Authorization", "Bearer " + KEY).header("OpenAI-Organization", "org-abcdef123456")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
