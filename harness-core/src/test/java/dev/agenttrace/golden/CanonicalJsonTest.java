package dev.agenttrace.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Recorded JSON read canonically by streaming, checked against Jackson's tree reader with sorted objects (what it
 * replaced) as the oracle, for fixed edge cases and thousands of random documents.
 */
class CanonicalJsonTest {
  private static final ObjectReader TREE = new ObjectMapper().reader().with(new JsonNodeFactory() {
    private static final long serialVersionUID = 1L;

    @Override
    public ObjectNode objectNode() {
      return new ObjectNode(this, new TreeMap<>());
    }
  });

  @Test
  void sortsKeysAtEveryDepth() {
    JsonNode value = CanonicalJson.valueOf(" {\"b\":1,\"a\":{\"z\":[{\"y\":1,\"x\":2}],\"c\":null}} ");

    assertThat(value.toString()).isEqualTo("{\"a\":{\"c\":null,\"z\":[{\"x\":2,\"y\":1}]},\"b\":1}");
    assertThat(fieldNames(value.get("a"))).containsExactly("c", "z");
  }

  @Test
  void readsNumbersAsTheTreeModelDoes() {
    for (String json : List.of("[1,-1,2147483647,2147483648,-9223372036854775808,9223372036854775808,"
        + "123456789012345678901234567890]", "[0.1,1.0,1e2,-3.5E-7,1.7976931348623157E308,4.9E-324]",
        "{\"a\":true,\"b\":false,\"c\":null,\"d\":\"\\u00e9\\n\"}")) {
      assertSameAsTree(json);
    }
  }

  @Test
  void keepsTheLastValueOfARepeatedKey() {
    assertThat(CanonicalJson.valueOf("{\"a\":1,\"a\":2}").toString()).isEqualTo("{\"a\":2}");
    assertSameAsTree("{\"a\":1,\"b\":[],\"a\":{\"c\":3}}");
  }

  @Test
  void keepsTextThatIsNotExactlyOneJsonObjectOrArray() {
    for (String text : List.of("plain", "42", "\"quoted\"", "true", "{broken", "[1,2", "{\"a\":1} and more",
        "[1] [2]", "", "   ")) {
      JsonNode value = CanonicalJson.valueOf(text);
      assertThat(value.isTextual()).as(text).isTrue();
      assertThat(value.asText()).isEqualTo(text);
    }
    assertThat(CanonicalJson.valueOf(null).isNull()).isTrue();
  }

  @Test
  void readsRandomDocumentsAsTheTreeReaderDoes() {
    Random random = new Random(11);
    for (int round = 0; round < 3_000; round++) {
      StringBuilder json = new StringBuilder();
      randomValue(random, json, 0, true);
      assertSameAsTree(json.toString());
    }
  }

  private static void assertSameAsTree(String json) {
    try {
      JsonNode expected = TREE.readTree(json);
      JsonNode actual = CanonicalJson.valueOf(json);
      assertThat(actual).as(json).isEqualTo(expected);
      assertThat(actual.toString()).as(json).isEqualTo(expected.toString());
    } catch (java.io.IOException e) {
      throw new AssertionError(json, e);
    }
  }

  private static void randomValue(Random random, StringBuilder out, int depth, boolean container) {
    int kind = container ? random.nextInt(2) : random.nextInt(depth > 3 ? 6 : 8);
    switch (kind) {
      case 0 -> {
        out.append('{');
        int fields = random.nextInt(5);
        for (int i = 0; i < fields; i++) {
          out.append(i == 0 ? "" : ",").append(" \"").append((char) ('a' + random.nextInt(6))).append("\" : ");
          randomValue(random, out, depth + 1, false);
        }
        out.append('}');
      }
      case 1 -> {
        out.append('[');
        int elements = random.nextInt(4);
        for (int i = 0; i < elements; i++) {
          out.append(i == 0 ? "" : ", ");
          randomValue(random, out, depth + 1, false);
        }
        out.append(']');
      }
      case 2 -> out.append(random.nextInt());
      case 3 -> out.append(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
      case 4 -> out.append('"').append(List.of("x", "é", "\\\"q\\\"", "a\\nb", "😀", "").get(random.nextInt(6)))
          .append('"');
      case 5 -> out.append(List.of("true", "false", "null", "9223372036854775807", "-0", "1E400").get(random.nextInt(6)));
      case 6 -> randomValue(random, out, depth + 1, true);
      default -> randomValue(random, out, depth + 1, true);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
