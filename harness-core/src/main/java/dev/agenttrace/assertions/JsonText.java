package dev.agenttrace.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Compares texts as JSON values (key order and whitespace ignored) when both parse, as plain text otherwise. */
final class JsonText {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonText() {}

  static boolean equivalent(String actual, String expected) {
    if (actual.equals(expected)) {
      return true;
    }
    JsonNode actualNode = parse(actual);
    JsonNode expectedNode = parse(expected);
    return actualNode != null && actualNode.equals(expectedNode);
  }

  private static JsonNode parse(String text) {
    String trimmed = text.strip();
    if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
      return null;
    }
    try {
      return MAPPER.readTree(trimmed);
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }
}
