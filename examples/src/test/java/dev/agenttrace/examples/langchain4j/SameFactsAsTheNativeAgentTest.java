package dev.agenttrace.examples.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The LangChain4j weather assistant's golden holds the same facts as the native weather agent's wherever they are
 * the same facts: the LLM calls (requests, responses, usage), the tool call and the total usage, in order. Only the
 * agent structure differs: one AI-service span instead of two durable segments.
 */
class SameFactsAsTheNativeAgentTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void llmCallsToolCallsAndUsageMatchTheNativeWeatherGolden() throws IOException {
    JsonNode lc4j = golden("dev.agenttrace.examples.langchain4j.LangChain4jWeatherAssistantTest");
    JsonNode nativeAgent = golden("dev.agenttrace.examples.weather.WeatherAgentTest");

    List<JsonNode> operations = operations(lc4j);
    assertThat(operations).hasSize(3);
    assertThat(operations).isEqualTo(operations(nativeAgent));
    assertThat(lc4j.get("usage")).isEqualTo(nativeAgent.get("usage"));
  }

  private static JsonNode golden(String testClass) throws IOException {
    String path = "/agenttrace/golden/" + testClass + "/answersAfterOneToolRound.trace.yaml";
    try (InputStream in = SameFactsAsTheNativeAgentTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return YAML.readTree(in);
    }
  }

  /** The LLM and tool calls of a golden document, depth first, without their children. */
  private static List<JsonNode> operations(JsonNode document) {
    List<JsonNode> found = new ArrayList<>();
    collect(document.get("spans"), found);
    return found;
  }

  private static void collect(JsonNode spans, List<JsonNode> found) {
    for (JsonNode span : spans) {
      String kind = span.path("kind").asText();
      if (kind.equals("llm_call") || kind.equals("tool_call")) {
        found.add(((com.fasterxml.jackson.databind.node.ObjectNode) span.deepCopy()).without("children"));
      }
      if (span.has("children")) {
        collect(span.get("children"), found);
      }
    }
  }
}
