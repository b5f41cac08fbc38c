package dev.agenttrace.stubs.openai;

import dev.agenttrace.stubs.http.HttpLlmStub;
import dev.agenttrace.stubs.http.HttpStubBuilder;
import java.util.List;

/**
 * A local OpenAI API scripted like {@code LlmStub}, for agents on openai-java, LangChain4j, Spring AI or plain HTTP:
 * chat completions ({@code POST /v1/chat/completions}) and the Responses API ({@code POST /v1/responses}) on one
 * server with one script, so an agent that mixes both needs one base URL. Give the client {@link #baseUrl()}
 * ({@code http://localhost:N/v1}) and any API key.
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
 * reasons, SSE streams with tool call deltas, the usage chunk and {@code [DONE]}, and OpenAI's error bodies; on
 * {@code /v1/responses} input items, {@code function_call} / {@code function_call_output} items,
 * {@code previous_response_id} and the named stream events; faults via {@code failWith(HttpFault...)} and
 * {@code chaos(Chaos...)}.
 */
public final class OpenAiStub extends HttpLlmStub {
  private OpenAiStub(HttpStubBuilder<OpenAiStub> options) {
    super(List.of(new OpenAiWireFormat(), new OpenAiResponsesWireFormat()), options);
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
