package dev.agenttrace.stubs.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.stubs.anthropic.AnthropicStub;
import dev.agenttrace.stubs.gemini.GeminiStub;
import dev.agenttrace.stubs.openai.OpenAiStub;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How the stubs frame their answers on the wire: a JSON answer (reply or error) carries its exact
 * {@code Content-Length} and is not chunked, as the providers' non-streaming endpoints answer; an event stream is
 * chunked and has no length, whether it goes out whole or paced.
 */
class ResponseFramingTest {
  private static final String ANSWER = "18°C and sunny in Paris.";

  private final RawHttp http = new RawHttp();

  @Test
  void aJsonReplyCarriesItsLengthInBytes() throws Exception {
    try (OpenAiStub openAi = OpenAiStub.create().start();
        AnthropicStub anthropic = AnthropicStub.create().start();
        GeminiStub gemini = GeminiStub.create().start()) {
      openAi.whenAnyRequest().replyWithText(ANSWER);
      anthropic.whenAnyRequest().replyWithText(ANSWER);
      gemini.whenAnyRequest().replyWithText(ANSWER);

      assertFramedByLength(http.post(openAi.baseUrl() + "/chat/completions",
          "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Paris?\"}]}"));
      assertFramedByLength(http.post(openAi.baseUrl() + "/responses", "{\"model\":\"gpt-4o-mini\",\"input\":\"Paris?\"}"));
      assertFramedByLength(http.post(anthropic.baseUrl() + "/v1/messages", "{\"model\":\"claude-sonnet-4-5\","
          + "\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Paris?\"}]}"));
      assertFramedByLength(http.post(gemini.baseUrl() + "/v1beta/models/gemini-2.5-flash:generateContent",
          "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Paris?\"}]}]}"));
    }
  }

  @Test
  void anErrorAnswerCarriesItsLengthToo() throws Exception {
    try (OpenAiStub openAi = OpenAiStub.create().start()) {
      openAi.whenAnyRequest().failWith(HttpFault.rateLimit(Duration.ofSeconds(2)));

      HttpResponse<String> response = http.post(openAi.baseUrl() + "/chat/completions",
          "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Paris?\"}]}");

      assertThat(response.statusCode()).isEqualTo(429);
      assertFramedByLength(response);
    }
  }

  @Test
  void anEventStreamIsChunkedWithoutALength() throws Exception {
    try (OpenAiStub openAi = OpenAiStub.create().start()) {
      openAi.whenAnyRequest().replyWithText(ANSWER);
      String streaming = "{\"model\":\"gpt-4o-mini\",\"stream\":true,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Paris?\"}]}";

      HttpResponse<String> whole = http.post(openAi.baseUrl() + "/chat/completions", streaming);
      openAi.streamPacing(StreamPacing.eventsPerChunk(2).pauseBetweenChunks(Duration.ZERO));
      HttpResponse<String> paced = http.post(openAi.baseUrl() + "/chat/completions", streaming);

      for (HttpResponse<String> response : java.util.List.of(whole, paced)) {
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(response.body()).contains("sunny").endsWith("data: [DONE]\n\n");
      }
    }
  }

  private static void assertFramedByLength(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Transfer-Encoding")).as("Transfer-Encoding").isEmpty();
    assertThat(response.headers().firstValue("Content-Length")).as("Content-Length")
        .hasValue(Integer.toString(response.body().getBytes(StandardCharsets.UTF_8).length));
    assertThat(response.headers().allValues("Content-Length")).hasSize(1);
  }
}
