package dev.agenttrace.stubs.gemini;

import dev.agenttrace.stubs.http.HttpLlmStub;
import dev.agenttrace.stubs.http.HttpStubBuilder;

/**
 * A local Gemini API ({@code POST /v1beta/models/{model}:generateContent} and
 * {@code :streamGenerateContent?alt=sse}) scripted like {@code LlmStub}, for agents on Google's {@code google-genai}
 * client, Google ADK, or the Gemini modules of LangChain4j and Spring AI. Give the client {@link #baseUrl()}
 * ({@code http://localhost:N}, the origin: clients append {@code /v1beta/...}) and any API key.
 *
 * <pre>{@code
 * try (GeminiStub gemini = GeminiStub.create().start()) {
 *   gemini.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
 *   gemini.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny.");
 *   Client client = Client.builder().apiKey("test")
 *       .httpOptions(HttpOptions.builder().baseUrl(gemini.baseUrl()).build()).build();
 * }
 * }</pre>
 *
 * <p>Speaks {@code text} and {@code functionCall} parts (args as an object, with an {@code id}),
 * {@code functionResponse} turns (a {@code tool} message for the script), {@code finishReason},
 * {@code usageMetadata}, SSE chunks, and {@code google.rpc.Status} errors; faults via {@code failWith(HttpFault...)}
 * and {@code chaos(Chaos...)}. LangChain4j's {@code GoogleAiGeminiChatModel} takes {@code baseUrl() + "/v1beta"}.
 */
public final class GeminiStub extends HttpLlmStub {
  private GeminiStub(HttpStubBuilder<GeminiStub> options) {
    super(new GeminiWireFormat(), options);
  }

  /** A stub on a free port, not started, without tracing. */
  public static GeminiStub create() {
    return builder().build();
  }

  @Override
  public GeminiStub start() {
    super.start();
    return this;
  }

  public static HttpStubBuilder<GeminiStub> builder() {
    return new HttpStubBuilder<>(GeminiStub::new);
  }
}
