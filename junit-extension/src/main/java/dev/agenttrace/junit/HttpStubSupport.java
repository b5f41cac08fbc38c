package dev.agenttrace.junit;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.stubs.anthropic.AnthropicStub;
import dev.agenttrace.stubs.gemini.GeminiStub;
import dev.agenttrace.stubs.http.HttpLlmStub;
import dev.agenttrace.stubs.openai.OpenAiStub;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP LLM stubs of one test ({@link OpenAiStub}, {@link AnthropicStub}, {@link GeminiStub} parameters): each
 * started on first use on a free port, tracing into the test's capture, the same instance for every parameter of that
 * type in the test, checked for unmatched requests after the test and stopped when the test's scope closes; recording
 * or replaying the test's own cassette when {@link Cassettes} says so.
 */
final class HttpStubSupport implements AutoCloseable {
  private final TraceCapture capture;
  private final Cassettes cassettes;
  private final Map<Class<?>, HttpLlmStub> stubs = new LinkedHashMap<>();

  HttpStubSupport(TraceCapture capture, Cassettes cassettes) {
    this.capture = capture;
    this.cassettes = cassettes;
  }

  synchronized <S extends HttpLlmStub> S resolve(Class<S> type) {
    return type.cast(stubs.computeIfAbsent(type, this::start));
  }

  private HttpLlmStub start(Class<?> type) {
    if (type == OpenAiStub.class) {
      return cassettes.apply(OpenAiStub.builder().traceTo(capture), "openai", "https://api.openai.com").start();
    }
    if (type == GeminiStub.class) {
      return cassettes.apply(GeminiStub.builder().traceTo(capture), "gemini",
          "https://generativelanguage.googleapis.com").start();
    }
    return cassettes.apply(AnthropicStub.builder().traceTo(capture), "anthropic", "https://api.anthropic.com").start();
  }

  /** Fails with the near-miss reports of requests no stubbing matched, even if the client swallowed the error. */
  void verifyNoUnmatchedRequests() {
    for (HttpLlmStub stub : snapshot()) {
      stub.verifyNoUnmatchedRequests();
    }
  }

  @Override
  public void close() {
    snapshot().forEach(HttpLlmStub::stop);
  }

  private synchronized List<HttpLlmStub> snapshot() {
    return new ArrayList<>(stubs.values());
  }
}
