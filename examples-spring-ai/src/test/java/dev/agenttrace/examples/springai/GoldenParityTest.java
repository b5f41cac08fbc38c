package dev.agenttrace.examples.springai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Spring AI weather agent's golden says what the native weather agent's golden says wherever the facts are the
 * same: the LLM calls (conversation, tools offered, reply, usage), the tool call (arguments, result) and the usage
 * totals. What differs is what differs in fact: Spring AI runs the tool inside one {@code ChatClient} call (one agent
 * segment, not a waiting and a resumed one) and sends its default temperature.
 */
class GoldenParityTest {
  private static final Path NATIVE = Path.of("../examples/src/test/resources/agenttrace/golden",
      "dev.agenttrace.examples.weather.WeatherAgentTest/answersAfterOneToolRound.trace.yaml");
  private static final Path SPRING_AI = Path.of("src/test/resources/agenttrace/golden",
      "dev.agenttrace.examples.springai.WeatherAssistantTest/answersAfterOneToolRound.trace.yaml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void theSpringAiGoldenHasTheNativeWeatherAgentsLlmCallsToolCallAndUsage() throws IOException {
    JsonNode nativeGolden = YAML.readTree(NATIVE.toFile());
    JsonNode springAiGolden = YAML.readTree(SPRING_AI.toFile());

    assertThat(facts(springAiGolden, "llm_call")).hasSize(2).isEqualTo(facts(nativeGolden, "llm_call"));
    assertThat(facts(springAiGolden, "tool_call")).hasSize(1).isEqualTo(facts(nativeGolden, "tool_call"));
    assertThat(springAiGolden.path("usage")).isEqualTo(nativeGolden.path("usage"));
    assertThat(springAiGolden.path("executions").get(0).path("agent"))
        .isEqualTo(nativeGolden.path("executions").get(0).path("agent"));
  }

  /** The spans of {@code kind} in document order, without children, and for LLM calls without sampling options. */
  private static List<JsonNode> facts(JsonNode golden, String kind) {
    List<JsonNode> found = new ArrayList<>();
    collect(golden.path("spans"), kind, found);
    return found;
  }

  private static void collect(JsonNode spans, String kind, List<JsonNode> found) {
    for (JsonNode span : spans) {
      if (span.path("kind").asText().equals(kind)) {
        ObjectNode fact = span.deepCopy();
        fact.remove("children");
        if (fact.path("request") instanceof ObjectNode request) {
          request.remove("temperature");
        }
        found.add(fact);
      }
      collect(span.path("children"), kind, found);
    }
  }
}
