package dev.agenttrace.assertions;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON for argument and content assertions, over Jackson: equality ignoring key order and whitespace, recursive
 * subset ("partial") matching that names the first difference, removal of ignored keys or paths, and reading a value
 * at a path. Paths are JSON Pointers ({@code /items/0/sku}, Jackson's {@link JsonPointer}) or the simple JSONPath
 * subset {@code $.items[0].sku} / {@code $['a key']}, which is translated to a pointer.
 */
final class JsonText {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonText() {}

  /** Texts are equal, or both are JSON objects/arrays that are equal as JSON. */
  static boolean equivalent(String actual, String expected) {
    if (actual.equals(expected)) {
      return true;
    }
    JsonNode actualNode = parse(actual);
    JsonNode expectedNode = parse(expected);
    return actualNode != null && actualNode.equals(expectedNode);
  }

  /** The text as a JSON object or array; {@code null} when it is not one. */
  static JsonNode parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
      return null;
    }
    return parseValue(trimmed);
  }

  /** The text as any JSON value; a text node holding it when it is not JSON. */
  static JsonNode parseOrText(String text) {
    JsonNode node = parseValue(text == null ? "" : text.strip());
    return node == null ? TextNode.valueOf(text) : node;
  }

  /** The expected JSON text, parsed; fails with a message naming the assertion's argument when it is not JSON. */
  static JsonNode parseExpected(String json, String what) {
    JsonNode node = parseValue(json == null ? "" : json.strip());
    if (node == null) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + Values.show(json));
    }
    return node;
  }

  private static JsonNode parseValue(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  /**
   * Where {@code actual} stops containing {@code expected}: every expected object key must be present with a
   * matching value, arrays must have the same length and match element by element, other values must be equal.
   * Empty when it contains it.
   */
  static Optional<String> subsetMismatch(JsonNode expected, JsonNode actual) {
    return subsetMismatch(expected, actual, "");
  }

  private static Optional<String> subsetMismatch(JsonNode expected, JsonNode actual, String path) {
    if (expected.isObject()) {
      if (!actual.isObject()) {
        return differ(path, expected, actual);
      }
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String fieldPath = path + "/" + field.getKey();
        JsonNode value = actual.get(field.getKey());
        if (value == null) {
          return Optional.of(fieldPath + " is missing (expected " + Values.show(field.getValue().toString()) + ")");
        }
        Optional<String> mismatch = subsetMismatch(field.getValue(), value, fieldPath);
        if (mismatch.isPresent()) {
          return mismatch;
        }
      }
      return Optional.empty();
    }
    if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        return differ(path, expected, actual);
      }
      for (int i = 0; i < expected.size(); i++) {
        Optional<String> mismatch = subsetMismatch(expected.get(i), actual.get(i), path + "/" + i);
        if (mismatch.isPresent()) {
          return mismatch;
        }
      }
      return Optional.empty();
    }
    return sameValue(expected, actual) ? Optional.empty() : differ(path, expected, actual);
  }

  /** Numbers compare by value ({@code 1} equals {@code 1.0}); everything else by Jackson equality. */
  private static boolean sameValue(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    return expected.equals(actual);
  }

  private static Optional<String> differ(String path, JsonNode expected, JsonNode actual) {
    return Optional.of((path.isEmpty() ? "/" : path) + ": expected " + Values.show(expected.toString()) + " but was "
        + Values.show(actual.toString()));
  }

  /**
   * A copy without the ignored parts: an entry starting with {@code /} or {@code $} is a path removed where it
   * points; any other entry is a key name removed at every depth.
   */
  static JsonNode without(JsonNode node, List<String> ignored) {
    JsonNode copy = node.deepCopy();
    for (String entry : ignored) {
      if (entry.startsWith("/") || entry.startsWith("$")) {
        removeAt(copy, pointer(entry));
      } else {
        removeKeyEverywhere(copy, entry);
      }
    }
    return copy;
  }

  private static void removeAt(JsonNode root, JsonPointer pointer) {
    JsonNode parent = root.at(pointer.head());
    String last = pointer.last().getMatchingProperty();
    if (parent instanceof ObjectNode object) {
      object.remove(last);
    } else if (parent instanceof ArrayNode array && pointer.last().mayMatchElement()) {
      int index = pointer.last().getMatchingIndex();
      if (index < array.size()) {
        array.remove(index);
      }
    }
  }

  private static void removeKeyEverywhere(JsonNode node, String key) {
    if (node instanceof ObjectNode object) {
      object.remove(key);
    }
    node.forEach(child -> removeKeyEverywhere(child, key));
  }

  /** The value at {@code path} (JSON Pointer or simple JSONPath); empty when nothing is there. */
  static Optional<JsonNode> valueAt(JsonNode root, String path) {
    JsonNode value = root.at(pointer(path));
    return value.isMissingNode() ? Optional.empty() : Optional.of(value);
  }

  /** The value shown as expected text: strings without quotes, everything else as JSON. */
  static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }

  /** Whether {@code value} equals {@code expected}, given as plain text for strings or JSON text for the rest. */
  static boolean valueEquals(JsonNode value, String expected) {
    if (value.isTextual()) {
      return value.asText().equals(expected);
    }
    JsonNode expectedNode = parseValue(expected.strip());
    return expectedNode != null && (sameValue(expectedNode, value) || expectedNode.equals(value));
  }

  /** A JSON Pointer for {@code /a/0} or for the JSONPath subset {@code $.a[0]}, {@code $['a b']}. */
  static JsonPointer pointer(String path) {
    if (path.isEmpty() || path.startsWith("/")) {
      return JsonPointer.compile(path);
    }
    if (!path.startsWith("$")) {
      throw new IllegalArgumentException("Not a JSON Pointer (/a/0) or JSONPath ($.a[0]): " + Values.show(path));
    }
    StringBuilder pointer = new StringBuilder();
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        pointer.append('/').append(escape(path.substring(i + 1, end)));
        i = end;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException("Unclosed [ in JSONPath " + Values.show(path));
        }
        String inside = path.substring(i + 1, end).strip();
        if (inside.startsWith("'") || inside.startsWith("\"")) {
          inside = inside.substring(1, inside.length() - 1);
        }
        pointer.append('/').append(escape(inside));
        i = end + 1;
      } else {
        throw new IllegalArgumentException("Unsupported JSONPath " + Values.show(path)
            + "; use $.key, $.key[0], $['key'] or a JSON Pointer");
      }
    }
    return JsonPointer.compile(pointer.toString());
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
