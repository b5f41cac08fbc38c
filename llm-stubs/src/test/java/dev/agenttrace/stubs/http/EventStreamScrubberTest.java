package dev.agenttrace.stubs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agenttrace.redaction.RedactionPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Streamed replies are reassembled before they are scrubbed: a secret split between two events at any position, in
 * OpenAI chat completions, Responses API, Anthropic and Gemini streams.
 */
class EventStreamScrubberTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SECRETS = List.of("sk-proj-Q3x9Lm2Vb7Nc4Rt8Yw1Zk6Hd",
      "AKIAZ7Q3W5E2R4T6Y8U1", "ghp_4fGh7Jk2Lm9Np3Qr5St8Vw1Xy6Za0Bc2De4", "password=Tr0ub4dor-3x",
      "Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0");
  private final Scrubber scrubber = new Scrubber(Map.of(), RedactionPolicy.defaults());

  @Test
  void findsASecretSplitBetweenTwoOpenAiDeltasAtEveryPosition() throws Exception {
    assertScrubbedAtEveryCut(EventStreamScrubberTest::openAiDelta, "data: [DONE]\n\n",
        EventStreamScrubberTest::openAiContent);
  }

  @Test
  void findsASecretSplitBetweenTwoResponsesApiTextDeltasAtEveryPosition() throws Exception {
    assertScrubbedAtEveryCut(EventStreamScrubberTest::responsesDelta, "", stream -> joined(stream, "delta"));
  }

  @Test
  void findsASecretSplitBetweenTwoGeminiChunksAtEveryPosition() throws Exception {
    assertScrubbedAtEveryCut(EventStreamScrubberTest::geminiChunk, "", stream -> joined(stream, "text"));
  }

  /** A text with each secret, streamed as two events cut at every position, comes back whole but scrubbed. */
  private void assertScrubbedAtEveryCut(Event event, String end, Reader reader) throws Exception {
    for (String secret : SECRETS) {
      String text = "Here you go: " + secret + "\nKeep it safe.";
      for (int cut = 1; cut < text.length(); cut++) {
        String stream = event.of(text.substring(0, cut)) + event.of(text.substring(cut)) + end;
        String scrubbed = scrubber.eventStream(stream);
        String reassembled = reader.read(scrubbed);
        String value = secret.substring(secret.lastIndexOf(' ') + 1).replaceFirst("^password=", "");
        assertFalse(scrubbed.contains(value), "cut at " + cut + ": " + scrubbed);
        assertTrue(reassembled.startsWith("Here you go: ") && reassembled.endsWith("\nKeep it safe."), reassembled);
        assertTrue(reassembled.contains(Scrubber.SCRUBBED), reassembled);
        assertEquals(stream.split("\n\n").length, scrubbed.split("\n\n").length, "the stream keeps its events");
      }
    }
  }

  private interface Event {
    String of(String text) throws Exception;
  }

  private interface Reader {
    String read(String stream) throws Exception;
  }

  @Test
  void findsASecretSplitAcrossAnthropicToolInputDeltas() throws Exception {
    String input = "{\"city\":\"Paris\",\"password\":\"Tr0ub4dor-3x\",\"note\":\"" + SECRETS.get(0) + "\"}";
    for (int cut = 1; cut < input.length(); cut++) {
      String stream = anthropicDelta(input.substring(0, cut)) + anthropicDelta(input.substring(cut));
      String scrubbed = scrubber.eventStream(stream);
      assertFalse(scrubbed.contains("Tr0ub4dor-3x"), scrubbed);
      assertFalse(scrubbed.contains("Q3x9Lm2Vb7Nc4Rt8Yw1Zk6Hd"), scrubbed);
      assertTrue(anthropicInput(scrubbed).contains("\"city\":\"Paris\""), scrubbed);
    }
  }

  @Test
  void leavesAStreamWithoutSecretsByteForByte() throws Exception {
    String stream = "event: message_start\ndata: {\"type\":\"message_start\"}\n\n" + openAiDelta("The token count")
        + openAiDelta(" is 42.") + "data: [DONE]\n\n";
    assertEquals(stream, scrubber.eventStream(stream));
  }

  private static String openAiDelta(String content) throws Exception {
    Map<String, Object> chunk = Map.of("object", "chat.completion.chunk",
        "choices", List.of(Map.of("index", 0, "delta", Map.of("content", content))));
    return "data: " + JSON.writeValueAsString(chunk) + "\n\n";
  }

  private static String responsesDelta(String delta) throws Exception {
    Map<String, Object> event = Map.of("type", "response.output_text.delta", "item_id", "msg_1", "output_index", 0,
        "content_index", 0, "delta", delta);
    return "event: response.output_text.delta\ndata: " + JSON.writeValueAsString(event) + "\n\n";
  }

  private static String geminiChunk(String text) throws Exception {
    Map<String, Object> chunk = Map.of("candidates", List.of(Map.of("index", 0,
        "content", Map.of("role", "model", "parts", List.of(Map.of("text", text))))));
    return "data: " + JSON.writeValueAsString(chunk) + "\n\n";
  }

  /** The values of every {@code field} in the stream's JSON events, joined in order. */
  private static String joined(String stream, String field) throws Exception {
    StringBuilder text = new StringBuilder();
    for (String line : stream.lines().toList()) {
      if (line.startsWith("data: {")) {
        JSON.readTree(line.substring(6)).findValues(field).forEach(value -> text.append(value.asText()));
      }
    }
    return text.toString();
  }

  private static String anthropicDelta(String partialJson) throws Exception {
    Map<String, Object> event = Map.of("type", "content_block_delta", "index", 1,
        "delta", Map.of("type", "input_json_delta", "partial_json", partialJson));
    return "event: content_block_delta\ndata: " + JSON.writeValueAsString(event) + "\n\n";
  }

  private static String anthropicInput(String stream) throws Exception {
    StringBuilder json = new StringBuilder();
    for (String line : stream.lines().toList()) {
      if (line.startsWith("data: {")) {
        json.append(JSON.readTree(line.substring(6)).path("delta").path("partial_json").asText());
      }
    }
    return json.toString();
  }

  private static String openAiContent(String stream) throws Exception {
    StringBuilder text = new StringBuilder();
    for (String line : stream.lines().toList()) {
      if (line.startsWith("data: {")) {
        JsonNode chunk = JSON.readTree(line.substring(6));
        text.append(chunk.path("choices").path(0).path("delta").path("content").asText());
      }
    }
    return text.toString();
  }
}
