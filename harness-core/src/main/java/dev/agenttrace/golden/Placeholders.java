package dev.agenttrace.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable placeholders for redacted values. Redaction first wraps a value in a marker that remembers its placeholder
 * name and the value ({@link #mark}); once the document's order is final, {@link #number} replaces every marker
 * with {@code <name-N>}, numbered by first appearance, the same value always getting the same number — so
 * {@code <uuid-1>} in two places means the same id. One instance numbers one document.
 */
final class Placeholders {
  private static final char START = '\u0001';
  private static final char MIDDLE = '\u0002';
  private static final char END = '\u0003';
  private static final Pattern MARKER = Pattern.compile("\u0001([^\u0002]*)\u0002([^\u0003]*)\u0003");

  private final Map<String, Map<String, Integer>> numbers = new HashMap<>();

  /** {@code value} marked for the placeholder {@code name}. */
  static String mark(String name, String value) {
    return START + name + MIDDLE + value.replace(START, ' ').replace(MIDDLE, ' ').replace(END, ' ') + END;
  }

  /** Whether {@code text} holds a marker. */
  static boolean isMarked(String text) {
    return text.indexOf(START) >= 0;
  }

  /** {@code text} with markers collapsed to their un-numbered name ({@code <uuid>}), for ordering. */
  static String collapse(String text) {
    return text.indexOf(START) < 0 ? text : MARKER.matcher(text).replaceAll(result -> "<" + result.group(1) + ">");
  }

  /** Replaces the markers in every string of {@code node}, in document order. */
  JsonNode number(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText();
      return text.indexOf(START) < 0 ? node : JsonNodeFactory.instance.textNode(numbered(text));
    }
    if (node instanceof ObjectNode object) {
      object.properties().forEach(field -> field.setValue(number(field.getValue())));
    } else if (node instanceof ArrayNode array) {
      for (int index = 0; index < array.size(); index++) {
        array.set(index, number(array.get(index)));
      }
    }
    return node;
  }

  private String numbered(String text) {
    Matcher matcher = MARKER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Map<String, Integer> byValue = numbers.computeIfAbsent(matcher.group(1), name -> new HashMap<>());
      int number = byValue.computeIfAbsent(matcher.group(2), value -> byValue.size() + 1);
      matcher.appendReplacement(out, Matcher.quoteReplacement("<" + matcher.group(1) + "-" + number + ">"));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
