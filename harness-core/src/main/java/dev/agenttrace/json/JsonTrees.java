package dev.agenttrace.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.TreeMap;

/**
 * Reads one JSON value from a streaming parser into a Jackson tree, numbers as the tree model reads them (int,
 * long, big integer, double) and a repeated key keeping its last value, unless the parser rejects duplicates.
 *
 * <p>Why not {@code ObjectMapper.readTree}: the trees AgentTrace reads on every test's path (tool arguments of a
 * golden comparison, the dialect tables of the first trace) are small, and the streaming parser costs a fraction of
 * the mapper to run and to compile; a test JVM whose goldens match never starts Jackson's data binding.
 */
public final class JsonTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The order of an object's keys in the tree. */
  public enum KeyOrder {
    /** As written. */
    AS_READ,
    /** Sorted, so that objects with the same members compare and print the same. */
    SORTED
  }

  private JsonTrees() {}

  /**
   * The value that starts with {@code token}, the parser's current token; the parser is left on the value's last
   * token.
   *
   * @throws JsonParseException for a token that cannot start a value
   */
  public static JsonNode read(JsonParser parser, JsonToken token, KeyOrder keys) throws IOException {
    if (token == null) {
      throw new JsonParseException(parser, "unexpected end of input, expected a JSON value");
    }
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = keys == KeyOrder.SORTED ? new ObjectNode(NODES, new TreeMap<>()) : NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          object.set(name, read(parser, parser.nextToken(), keys));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
          array.add(read(parser, element, keys));
        }
        return array;
      }
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseException(parser, "unexpected " + token + ", expected a JSON value");
    }
  }
}
