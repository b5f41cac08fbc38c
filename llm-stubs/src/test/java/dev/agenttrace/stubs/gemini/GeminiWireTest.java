package dev.agenttrace.stubs.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agenttrace.llm.Role;
import dev.agenttrace.stubs.http.RawHttp;
import dev.agenttrace.stubs.http.SseEvents;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@link GeminiStub} on the wire: function calls and responses, usage, SSE chunks, google.rpc.Status errors. */
class GeminiWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOOLS = "\"tools\":[{\"functionDeclarations\":[{\"name\":\"get_weather\","
      + "\"parameters\":{\"type\":\"OBJECT\"}}]}]";
  private final RawHttp http = new RawHttp();

  @Test
  void functionCallRoundTripWithUsage() throws Exception {
    try (GeminiStub gemini = GeminiStub.create().start()) {
      gemini.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}")
          .withUsage(20, 4);
      gemini.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny.");
      String url = gemini.baseUrl() + "/v1beta/models/gemini-2.5-flash:generateContent";

      JsonNode call = JSON.readTree(http.post(url, "{\"systemInstruction\":{\"parts\":[{\"text\":\"Be brief\"}]},"
          + "\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Weather in Paris?\"}]}]," + TOOLS + "}").body());
      JsonNode answer = JSON.readTree(http.post(url, "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":"
          + "\"Weather in Paris?\"}]},{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"get_weather\","
          + "\"args\":{\"city\":\"Paris\"}}}]},{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":"
          + "\"get_weather\",\"response\":{\"tempC\":18}}}]}]," + TOOLS + "}").body());

      JsonNode candidate = call.path("candidates").get(0);
      assertThat(candidate.path("content").path("parts").get(0).path("functionCall").path("args").path("city")
          .asText()).isEqualTo("Paris");
      assertThat(candidate.path("finishReason").asText()).isEqualTo("STOP");
      assertThat(call.path("usageMetadata").path("totalTokenCount").asInt()).isEqualTo(24);
      assertThat(answer.path("candidates").get(0).path("content").path("parts").get(0).path("text").asText())
          .isEqualTo("18°C and sunny.");
      assertThat(gemini.requests().get(0).model()).isEqualTo("gemini-2.5-flash");
      assertThat(gemini.requests().get(0).tools()).extracting(tool -> tool.name()).containsExactly("get_weather");
      assertThat(gemini.requests().get(1).messages()).extracting(message -> message.role())
          .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL);
      assertThat(gemini.requests().get(1).lastMessage().toolResults().get(0).content()).isEqualTo("{\"tempC\":18}");
    }
  }

  @Test
  void streamsChunksWithTheFinishAndUsageLast() throws Exception {
    try (GeminiStub gemini = GeminiStub.create().start()) {
      gemini.whenAnyRequest().replyWithText("Sunny in Paris.");

      String stream = http.post(gemini.baseUrl() + "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
          "{\"contents\":[{\"parts\":[{\"text\":\"Paris?\"}]}]}").body();

      assertThat(SseEvents.split(stream)).hasSize(3).allSatisfy(event -> assertThat(event).startsWith("data: {"));
      assertThat(SseEvents.split(stream).get(2)).contains("\"finishReason\":\"STOP\"").contains("totalTokenCount");
      assertThat(SseEvents.split(stream).get(0)).doesNotContain("finishReason");
    }
  }

  @Test
  void errorsAreGoogleRpcStatusBodies() throws Exception {
    try (GeminiStub gemini = GeminiStub.create().start()) {
      gemini.whenAnyRequest().failWithRateLimit();
      gemini.whenLastUserMessageContains("Oslo").replyWithToolCall("get_weather", "{\"city\": \"Os");

      HttpResponse<String> limited = http.post(gemini.baseUrl() + "/v1beta/models/gemini-2.5-flash:generateContent",
          "{\"contents\":[{\"parts\":[{\"text\":\"Paris?\"}]}]}");
      JsonNode malformed = JSON.readTree(http.post(gemini.baseUrl()
          + "/v1beta/models/gemini-2.5-flash:generateContent", "{\"contents\":[{\"parts\":[{\"text\":\"Oslo?\"}]}]}")
          .body());

      assertThat(limited.statusCode()).isEqualTo(429);
      JsonNode error = JSON.readTree(limited.body()).path("error");
      assertThat(error.path("code").asInt()).isEqualTo(429);
      assertThat(error.path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
      assertThat(error.path("details").get(0).path("@type").asText()).endsWith("google.rpc.RetryInfo");
      assertThat(malformed.path("candidates").get(0).path("finishReason").asText())
          .isEqualTo("MALFORMED_FUNCTION_CALL");
    }
  }
}
