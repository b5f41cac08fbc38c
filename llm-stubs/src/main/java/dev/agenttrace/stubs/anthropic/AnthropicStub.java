package dev.agenttrace.stubs.anthropic;

import dev.agenttrace.stubs.http.HttpLlmStub;
import dev.agenttrace.stubs.http.HttpStubBuilder;

/**
 * A local Anthropic messages API ({@code POST /v1/messages}) scripted like {@code LlmStub}, for agents on
 * anthropic-java, LangChain4j's or Spring AI's Anthropic models, or plain HTTP. Give the client {@link #baseUrl()}
 * ({@code http://localhost:N}) and any API key.
 *
 * <pre>{@code
 * try (AnthropicStub anthropic = AnthropicStub.create().start()) {
 *   anthropic.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
 *   anthropic.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny.");
 *   AnthropicClient client = AnthropicOkHttpClient.builder().baseUrl(anthropic.baseUrl()).apiKey("test").build();
 * }
 * }</pre>
 *
 * <p>Speaks {@code text} and {@code tool_use} blocks (input as an object), {@code tool_result} turns,
 * {@code stop_reason}, usage, streams of named events with {@code ping}, and {@code error} events and bodies.
 */
public final class AnthropicStub extends HttpLlmStub {
  private AnthropicStub(HttpStubBuilder<AnthropicStub> options) {
    super(new AnthropicWireFormat(), options);
  }

  /** A stub on a free port, not started, without tracing. */
  public static AnthropicStub create() {
    return builder().build();
  }

  @Override
  public AnthropicStub start() {
    super.start();
    return this;
  }

  public static HttpStubBuilder<AnthropicStub> builder() {
    return new HttpStubBuilder<>(AnthropicStub::new);
  }
}
