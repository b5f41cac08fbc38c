package dev.agenttrace.stubs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agenttrace.stubs.anthropic.AnthropicStub;
import dev.agenttrace.stubs.openai.OpenAiStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Several HTTP stubs, started side by side and called from many threads at once, never answer for each other. */
class ConcurrentHttpStubsTest {
  private static final int STUBS = 4;
  private static final int CALLS_PER_STUB = 25;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void eachStubAnswersOnlyItsOwnRequests() throws Exception {
    List<OpenAiStub> openAi = new ArrayList<>();
    List<AnthropicStub> anthropic = new ArrayList<>();
    try {
      for (int i = 0; i < STUBS; i++) {
        OpenAiStub stub = OpenAiStub.create().start();
        stub.whenAnyRequest().replyWithText("openai stub " + i);
        openAi.add(stub);
        AnthropicStub other = AnthropicStub.create().start();
        other.whenAnyRequest().replyWithText("anthropic stub " + i);
        anthropic.add(other);
      }
      assertEquals(STUBS, openAi.stream().map(OpenAiStub::port).distinct().count(), "one port per stub");

      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<String>> answers = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int call = 0; call < CALLS_PER_STUB; call++) {
          for (int i = 0; i < STUBS; i++) {
            answers.add(pool.submit(openAiCall(openAi.get(i), "question " + call)));
            expected.add("openai stub " + i);
            answers.add(pool.submit(anthropicCall(anthropic.get(i), "question " + call)));
            expected.add("anthropic stub " + i);
          }
        }
        for (int n = 0; n < answers.size(); n++) {
          String body = answers.get(n).get();
          assertTrue(body.contains(expected.get(n)), "call " + n + " expected '" + expected.get(n) + "' in " + body);
        }
      } finally {
        pool.shutdownNow();
      }
      for (int i = 0; i < STUBS; i++) {
        assertEquals(CALLS_PER_STUB, openAi.get(i).requestCount());
        assertEquals(CALLS_PER_STUB, anthropic.get(i).requestCount());
        openAi.get(i).verifyNoUnmatchedRequests();
        anthropic.get(i).verifyNoUnmatchedRequests();
      }
      assertNotEquals(openAi.get(0).baseUrl(), openAi.get(1).baseUrl());
    } finally {
      openAi.forEach(OpenAiStub::close);
      anthropic.forEach(AnthropicStub::close);
    }
  }

  private Callable<String> openAiCall(OpenAiStub stub, String question) {
    String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + question + "\"}]}";
    return () -> post(stub.baseUrl() + "/chat/completions", body, "authorization", "Bearer sk-test");
  }

  private Callable<String> anthropicCall(AnthropicStub stub, String question) {
    String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"" + question + "\"}]}";
    return () -> post(stub.baseUrl() + "/v1/messages", body, "x-api-key", "sk-ant-test");
  }

  private String post(String url, String body, String authHeader, String authValue) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(20))
        .header("content-type", "application/json")
        .header(authHeader, authValue)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), () -> url + " answered " + response.statusCode() + ": " + response.body());
    return response.body();
  }
}
