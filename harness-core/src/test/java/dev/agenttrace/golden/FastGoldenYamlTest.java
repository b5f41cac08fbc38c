package dev.agenttrace.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link FastGoldenYaml} writes exactly the bytes of the reference writer, {@link GoldenYaml#writeReference}. */
class FastGoldenYamlTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Path COMMITTED = Path.of("..", "examples", "src", "test", "resources", "agenttrace", "golden");

  private static final List<String> NASTY = List.of("", " ", "  ", "x", "a b", " lead", "trail ", "null", "Null",
      "NULL", "~", "~x", "true", "False", "yes", "No", "y", "N", "on", "OFF", "-", "--", "---", "--- x", "...", ". x",
      "-x", "- x", "?", "? x", "?x", "a?b", ":", ":x", ": x", "a:", "a: b", "a:b", "1:tools", "0:step:x", "10:",
      "#", "#x", "a #b", "a#b", "'", "''", "'q'", "\"", "\"q\"", "a'b", "a\"b", ",", "a,b", "[", "]", "[]", "{}",
      "{a}", "a[0]", "&a", "*a", "!tag", "|", ">", "%", "@x", "`x", "a|b", "a>b", "<secret>", "<<", "=", "\\", "a\\b",
      "1", "-1", "+1", "1.5", ".5", "1e3", "0x1F", "0o17", "0123", "012_3", "1_000", "1,000", "12:30", "12:30:00",
      "2026-01-01", "2026-01-01T10:00:00Z", ".inf", "-.inf", ".nan", "NaN", "Infinity", "0", "00", "007",
      "line1\nline2", "line\n", "line\n\n", "\nlead", "\n", "a\n b", "a \nb", "tab\there", "\t", "cr\rhere",
      "crlf\r\nx", "a\u0085b", "a\u2028b", "a\u2029b", "caf\u00e9", "\u00e9t\u00e9", "na\u00efve", "\u65e5\u672c",
      "emoji \ud83d\ude00", "\ud83d\ude00", "\u00a0nbsp", "nbsp\u00a0", "bom\ufeff", "\ufeff", "ctrl\u0001",
      "del\u007f", "\u0000", "zw\u200bsp", "a  b", "a\tb", "x #", "x:", "x: ", "#!shebang", "!", "%YAML",
      "http://example.com/a?b=c#d", "C:\\path", "a:b:c", "key: value\nnext: line", "|-", "  indented\nx",
      "x\n  indented", "end with space\nline ", "a\r\nb", "{\"json\":true}", "[1,2]", "= x", "<<: *a");

  @Test
  void everyCommittedGoldenIsWrittenBackByteForByte() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(COMMITTED)) {
      files = walk.filter(file -> file.toString().endsWith(".trace.yaml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      JsonNode tree = GoldenYaml.read(text, file);

      String fast = GoldenYaml.write(tree);

      assertThat(fast).as(file.toString()).isEqualTo(GoldenYaml.writeReference(tree)).isEqualTo(text);
      assertThat(fellBack(tree)).as("%s is laid out by the fast writer", file).isFalse();
    }
  }

  @Test
  void everyNastyStringAsValueItemAndKeyAtEveryDepth() {
    for (String text : NASTY) {
      for (int depth = 0; depth < 4; depth++) {
        ObjectNode root = NODES.objectNode();
        ObjectNode inner = root;
        for (int level = 0; level < depth; level++) {
          inner = level % 2 == 0 ? inner.putObject("k" + level) : inner.putArray("s" + level).addObject();
        }
        inner.put("value", text);
        inner.putArray("items").add(text).add("plain").add(text);
        inner.put(text, "v");
        inner.putObject(text + "!").put("x", text);
        inner.putArray("objects").addObject().put(text.isEmpty() ? "e" : text, text);
        assertIdentical(root);
      }
    }
  }

  @Test
  void randomTreesAreWrittenExactlyLikeTheReference() {
    Random random = new Random(20261125L);
    int laidOut = 0;
    for (int run = 0; run < 4000; run++) {
      JsonNode tree = run % 50 == 0 ? randomNode(random, 0) : randomObject(random, 0);
      assertIdentical(tree);
      laidOut += fellBack(tree) ? 0 : 1;
    }
    assertThat(laidOut).as("trees laid out by the fast writer itself").isGreaterThan(2000);
  }

  @Test
  void aVeryLongStringAndVeryLongKeys() {
    ObjectNode root = NODES.objectNode();
    root.put("long", "word ".repeat(5000).trim());
    root.put("k".repeat(99), "v");
    root.put("k".repeat(100), "v");
    root.put("k".repeat(127), "v");
    root.put("k".repeat(128), "v");
    root.putObject("m".repeat(200)).put("a", 1);
    root.putArray("text").add("line\n".repeat(100)).add("x".repeat(10_000));
    assertIdentical(root);
  }

  @Test
  void shapesTheFastWriterLeavesToTheReference() {
    assertIdentical(NODES.objectNode());
    assertIdentical(NODES.arrayNode().add(1).add(NODES.arrayNode().add("a")));
    assertIdentical(NODES.textNode("root"));
    assertIdentical(NODES.nullNode());
    ObjectNode nested = NODES.objectNode();
    nested.putArray("matrix").add(NODES.arrayNode().add(1).add(2)).add(NODES.arrayNode()).add(NODES.objectNode());
    nested.put("binary", new byte[] {1, 2, 3});
    nested.put("last", "keep\n");
    assertIdentical(nested);
  }

  @Test
  void printableUnicodeTextIsWrittenWithoutTheReference() {
    ObjectNode root = NODES.objectNode();
    root.put("text", "18\u00b0C and sunny in Paris.");
    root.putArray("items").add("caf\u00e9 cr\u00e8me").add("3 items left").add("2nd try");
    List<JsonNode> delegated = new java.util.ArrayList<>();
    String fast = FastGoldenYaml.write(root, node -> {
      delegated.add(node);
      return GoldenYaml.rawReference(node);
    });

    assertThat(delegated).as("scalars handed to the reference").isEmpty();
    assertThat(GoldenYaml.write(root)).isEqualTo(fast + (fast.endsWith("\n") ? "" : "\n"))
        .isEqualTo(GoldenYaml.writeReference(root)).contains("text: 18\u00b0C and sunny in Paris.");
    for (String stillDelegated : List.of("bom\ufeff", "a\u2028b", "a\u2029b", "a\u0085b", "emoji \ud83d\ude00",
        "\u65e5\u672c", "1e3", "0x1F", "0o17", "1_000", "0123", "12.5", "1.5e-3", "2026-01-01")) {
      assertThat(FastGoldenYaml.isPlainValue(stillDelegated)).as(stillDelegated).isFalse();
    }
  }

  private static void assertIdentical(JsonNode tree) {
    assertThat(GoldenYaml.write(tree)).as(() -> tree.toString()).isEqualTo(GoldenYaml.writeReference(tree));
  }

  /** Whether the fast writer handed the whole document to the reference writer. */
  private static boolean fellBack(JsonNode tree) {
    boolean[] whole = {false};
    FastGoldenYaml.write(tree, node -> {
      whole[0] |= node == tree;
      return GoldenYaml.rawReference(node);
    });
    return whole[0];
  }

  private static JsonNode randomNode(Random random, int depth) {
    int choice = random.nextInt(depth > 4 ? 10 : 14);
    return switch (choice) {
      case 0, 1, 2, 3 -> NODES.textNode(randomString(random));
      case 4 -> NODES.numberNode(random.nextInt());
      case 5 -> NODES.numberNode(random.nextLong());
      case 6 -> random.nextBoolean() ? NODES.numberNode(random.nextDouble() * 1000) : NODES.numberNode(
          new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(10)));
      case 7 -> NODES.booleanNode(random.nextBoolean());
      case 8 -> NODES.nullNode();
      case 9 -> random.nextBoolean() ? NODES.objectNode() : NODES.arrayNode();
      case 10, 11 -> randomObject(random, depth + 1);
      default -> randomArray(random, depth + 1);
    };
  }

  private static ObjectNode randomObject(Random random, int depth) {
    ObjectNode node = NODES.objectNode();
    int size = 1 + random.nextInt(5);
    for (int index = 0; index < size; index++) {
      String key = random.nextInt(3) == 0 ? randomString(random) : "key" + random.nextInt(20);
      node.set(key, randomNode(random, depth));
    }
    return node;
  }

  private static ArrayNode randomArray(Random random, int depth) {
    ArrayNode node = NODES.arrayNode();
    int size = 1 + random.nextInt(4);
    for (int index = 0; index < size; index++) {
      node.add(randomNode(random, depth));
    }
    return node;
  }

  private static String randomString(Random random) {
    StringBuilder text = new StringBuilder();
    int parts = random.nextInt(4);
    for (int part = 0; part <= parts; part++) {
      switch (random.nextInt(4)) {
        case 0 -> text.append(NASTY.get(random.nextInt(NASTY.size())));
        case 1 -> {
          String pool = "abcXYZ019 _-.:/#?!'\",[]{}&*|>%@`~=<\\\t\n\r";
          int length = 1 + random.nextInt(12);
          for (int index = 0; index < length; index++) {
            text.append(pool.charAt(random.nextInt(pool.length())));
          }
        }
        case 2 -> text.append("word").append(random.nextInt(100));
        default -> {
          int length = 1 + random.nextInt(6);
          for (int index = 0; index < length; index++) {
            int codePoint = random.nextInt(8) == 0 ? 0x1F600 + random.nextInt(50) : random.nextInt(0x3000);
            if (Character.isSurrogate((char) codePoint)) {
              codePoint = 'q';
            }
            text.appendCodePoint(codePoint);
          }
        }
      }
    }
    return text.toString();
  }
}
