package dev.agenttrace.examples.clients;

import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import dev.agenttrace.stubs.gemini.GeminiStub;

/** A Google {@code google-genai} client pointed at a {@link GeminiStub}: any API key, one attempt, 30 s time-out. */
final class GeminiClients {
  private GeminiClients() {}

  static Client pointedAt(GeminiStub gemini) {
    return Client.builder().apiKey("test-key").httpOptions(HttpOptions.builder().baseUrl(gemini.baseUrl())
        .timeout(30_000).retryOptions(HttpRetryOptions.builder().attempts(1)).build()).build();
  }
}
