package dev.agenttrace.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Re-serializes recorded JSON (tool arguments, tool results, step results) canonically: object keys sorted, so
 * {@code {"b":1,"a":2}} and {@code {"a":2, "b":1}} render the same. Text that is not a JSON object or array stays
 * text.
 */
final class CanonicalJson {
  /** Reads JSON straight into objects that keep their keys sorted, instead of reading and then sorting a copy. */
  private static final ObjectReader SORTED_READER = new ObjectMapper().reader().with(new SortedNodeFactory());

  private CanonicalJson() {}

  /** The JSON value of {@code text} with sorted keys, or a text node when it is not a JSON object or array. */
  static JsonNode valueOf(String text) {
    if (text == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    String trimmed = text.strip();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return SORTED_READER.readTree(trimmed);
      } catch (IOException notJson) {
        // keep it as text
      }
    }
    return JsonNodeFactory.instance.textNode(text);
  }

  /** A deep copy of {@code node} whose objects list their keys in sorted order. */
  static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
      fields.sort(Map.Entry.comparingByKey());
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      fields.forEach(field -> copy.set(field.getKey(), sorted(field.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  /** Creates objects backed by a sorted map, so parsed objects iterate their keys in order. */
  private static final class SortedNodeFactory extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public ObjectNode objectNode() {
      return new ObjectNode(this, new TreeMap<>());
    }
  }
}
