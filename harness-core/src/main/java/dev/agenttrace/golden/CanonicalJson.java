package dev.agenttrace.golden;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.agenttrace.json.JsonTrees;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Re-serializes recorded JSON (tool arguments, tool results, step results) canonically: object keys sorted, so
 * {@code {"b":1,"a":2}} and {@code {"a":2, "b":1}} render the same. Text that is not exactly one JSON object or
 * array stays text.
 *
 * <p>Reads with Jackson's streaming parser straight into objects that keep their keys sorted (a repeated key keeps
 * its last value), numbers as the tree model reads them: every golden comparison reads each tool call's arguments
 * and result, and the streaming parser costs a fraction of the tree reader to run and to compile.
 */
final class CanonicalJson {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CanonicalJson() {}

  /** The JSON value of {@code text} with sorted keys, or a text node when it is not a JSON object or array. */
  static JsonNode valueOf(String text) {
    if (text == null) {
      return NODES.nullNode();
    }
    int start = 0;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    if (start < text.length() && (text.charAt(start) == '{' || text.charAt(start) == '[')) {
      try (JsonParser parser = FACTORY.createParser(text)) {
        JsonNode value = JsonTrees.read(parser, parser.nextToken(), JsonTrees.KeyOrder.SORTED);
        if (parser.nextToken() == null) {
          return value;
        }
      } catch (JsonProcessingException notJson) {
        // keep it as text
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return NODES.textNode(text);
  }
}
