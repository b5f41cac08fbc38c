package dev.agenttrace.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTreesTest {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper TREE_MODEL = new ObjectMapper();

  /** The tree model is the oracle: same nodes, same number types, same key order, a repeated key's last value. */
  @Test
  void readsWhatTheTreeModelReads() throws IOException {
    Random random = new Random(1202);
    for (int n = 0; n < 2_000; n++) {
      String json = randomValue(random, 0);
      JsonNode expected = TREE_MODEL.readTree(json);
      JsonNode actual = read(json, JsonTrees.KeyOrder.AS_READ);
      assertThat(actual).as(json).isEqualTo(expected);
      assertThat(actual.toString()).as(json).isEqualTo(expected.toString());
    }
  }

  @Test
  void sortsKeysOnRequestAndKeepsNumberTypes() throws IOException {
    JsonNode sorted = read("{\"b\":1,\"a\":{\"d\":12345678901,\"c\":123456789012345678901234567890},\"a2\":1.5}",
        JsonTrees.KeyOrder.SORTED);

    assertThat(sorted.toString())
        .isEqualTo("{\"a\":{\"c\":123456789012345678901234567890,\"d\":12345678901},\"a2\":1.5,\"b\":1}");
    assertThat(sorted.get("b").isInt()).isTrue();
    assertThat(sorted.get("a").get("d").isLong()).isTrue();
    assertThat(sorted.get("a").get("c").isBigInteger()).isTrue();
    assertThat(sorted.get("a2").isDouble()).isTrue();
  }

  @Test
  void aTokenThatCannotStartAValueOrTheEndOfInputIsAParseErrorWithItsLocation() throws IOException {
    try (JsonParser parser = FACTORY.createParser("{\"a\":1}")) {
      parser.nextToken();
      parser.nextToken();
      assertThatThrownBy(() -> JsonTrees.read(parser, parser.currentToken(), JsonTrees.KeyOrder.AS_READ))
          .isInstanceOf(JsonParseException.class).hasMessageContaining("unexpected FIELD_NAME, expected a JSON value")
          .hasMessageContaining("line: 1, column: ");
    }
    try (JsonParser parser = FACTORY.createParser("  ")) {
      assertThatThrownBy(() -> JsonTrees.read(parser, parser.nextToken(), JsonTrees.KeyOrder.AS_READ))
          .isInstanceOf(JsonParseException.class).hasMessageContaining("unexpected end of input");
    }
  }

  private static JsonNode read(String json, JsonTrees.KeyOrder keys) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonNode value = JsonTrees.read(parser, parser.nextToken(), keys);
      assertThat(parser.nextToken()).as("left on the value's last token").isNull();
      return value;
    }
  }

  private static String randomValue(Random random, int depth) {
    int kind = depth > 3 ? 2 + random.nextInt(6) : random.nextInt(8);
    switch (kind) {
      case 0: {
        List<String> members = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          members.add("\"" + (char) ('a' + random.nextInt(4)) + "\":" + randomValue(random, depth + 1));
        }
        return "{" + String.join(",", members) + "}";
      }
      case 1: {
        List<String> elements = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          elements.add(randomValue(random, depth + 1));
        }
        return "[" + String.join(" , ", elements) + "]";
      }
      case 2:
        return "\"t" + random.nextInt(100) + "\\n\\u00e9\"";
      case 3:
        return String.valueOf(random.nextInt());
      case 4:
        return random.nextBoolean() ? String.valueOf(random.nextLong()) : "98765432109876543210" + random.nextInt(10);
      case 5:
        return random.nextDouble() * 1e6 + "";
      case 6:
        return random.nextBoolean() ? "true" : "false";
      default:
        return "null";
    }
  }
}
