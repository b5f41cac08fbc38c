package dev.agenttrace.stubs.openai;

import dev.agenttrace.stubs.http.HttpLlmStub;
import dev.agenttrace.stubs.http.HttpStubBuilder;

/**
 * A local OpenAI chat completions API ({@code POST /v1/chat/completions}) scripted like {@code LlmStub}, for agents on
 * openai-java, LangChain4j, Spring AI or plain HTTP. Give the client {@link #baseUrl()} ({@code http://localhost:N/v1})
 * and any API key.
 *
 * <pre>{@code
 * try (OpenAiStub openAi = OpenAiStub.create().start()) {
 *   openAi.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
 *   openAi.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny.");
 *   OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(openAi.baseUrl()).apiKey("test").build();
 * }
 * }</pre>
 *
 * <p>Speaks text and tool call replies (arguments as a JSON string, several calls per reply), usage, finish
 * reasons, SSE streams with tool call deltas, the usage chunk and {@code [DONE]}, and OpenAI's error bodies; faults
 * via {@code failWith(HttpFault...)}.
 */
public final class OpenAiStub extends HttpLlmStub {
  private OpenAiStub(HttpStubBuilder<OpenAiStub> options) {
    super(new OpenAiWireFormat(), options);
  }

  /** A stub on a free port, not started, without tracing. */
  public static OpenAiStub create() {
    return builder().build();
  }

  @Override
  public OpenAiStub start() {
    super.start();
    return this;
  }

  public static HttpStubBuilder<OpenAiStub> builder() {
    return new HttpStubBuilder<>(OpenAiStub::new);
  }
}
