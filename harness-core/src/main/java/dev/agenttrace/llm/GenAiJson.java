package dev.agenttrace.llm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts messages, responses and tool definitions to and from the JSON of the OpenTelemetry GenAI message schema
 * ({@code gen_ai.input.messages}, {@code gen_ai.output.messages}, {@code gen_ai.tool.definitions}). Tool arguments
 * and results that are valid JSON are embedded as compact JSON values; anything else as a string.
 *
 * <p>Every LLM call span is written and read through here, once per call, so it streams: Jackson's generator and
 * parser, no tree of nodes in between (a test suite spends its first minutes compiling what it runs, and the tree
 * model is the costliest part of Jackson to compile).
 */
public final class GenAiJson {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private GenAiJson() {}

  /** {@code gen_ai.input.messages} for a conversation. */
  public static String inputMessages(List<Message> messages) {
    return write(json -> {
      json.writeStartArray();
      for (Message message : messages) {
        writeMessage(json, message, null);
      }
      json.writeEndArray();
    });
  }

  /** {@code gen_ai.output.messages} for a response: one assistant message with its finish reason. */
  public static String outputMessages(ChatResponse response) {
    return write(json -> {
      json.writeStartArray();
      writeMessage(json, response.message(), response.finishReason().wireValue());
      json.writeEndArray();
    });
  }

  /** {@code gen_ai.tool.definitions} for the tools offered in a request. */
  public static String toolDefinitions(List<ToolDefinition> tools) {
    return write(json -> {
      json.writeStartArray();
      for (ToolDefinition tool : tools) {
        json.writeStartObject();
        json.writeStringField("type", "function");
        json.writeStringField("name", tool.name());
        json.writeStringField("description", tool.description());
        json.writeFieldName("parameters");
        writeJsonOrText(json, tool.parametersSchema());
        json.writeEndObject();
      }
      json.writeEndArray();
    });
  }

  /** Parses {@code gen_ai.input.messages} or {@code gen_ai.output.messages}; parts of unknown type are skipped. */
  public static List<Message> parseMessages(String json) {
    return read(json, "gen_ai messages", parser -> {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException("Expected a JSON array of messages but got: " + abbreviate(json));
      }
      List<Message> messages = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        messages.add(readMessage(parser));
      }
      return List.copyOf(messages);
    });
  }

  /** Parses {@code gen_ai.tool.definitions}. */
  public static List<ToolDefinition> parseToolDefinitions(String json) {
    return read(json, "gen_ai.tool.definitions", parser -> {
      List<ToolDefinition> tools = new ArrayList<>();
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        parser.skipChildren();
        return List.of();
      }
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        String name = "";
        String description = "";
        String parameters = null;
        if (parser.currentToken() == JsonToken.START_OBJECT) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
              case "name" -> name = scalarText(parser, value, "");
              case "description" -> description = scalarText(parser, value, "");
              case "parameters" -> parameters = valueJson(parser);
              default -> parser.skipChildren();
            }
          }
        } else {
          parser.skipChildren();
        }
        tools.add(new ToolDefinition(name, description, parameters));
      }
      return List.copyOf(tools);
    });
  }

  /** The finish reason of the first output message, or {@code null} when absent. */
  public static FinishReason parseFinishReason(String outputMessagesJson) {
    return read(outputMessagesJson, "gen_ai.output.messages", parser -> {
      if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("finish_reason") && value == JsonToken.VALUE_STRING) {
          return FinishReason.fromWireValue(parser.getText());
        }
        parser.skipChildren();
      }
      return null;
    });
  }

  /** Compact JSON text for {@code text} when it is one JSON object or array; {@code text} unchanged otherwise. */
  public static String normalize(String text) {
    String compact = compactJson(text);
    return compact == null ? text : compact;
  }

  private static void writeMessage(JsonGenerator json, Message message, String finishReason) throws IOException {
    json.writeStartObject();
    json.writeStringField("role", message.role().wireValue());
    json.writeArrayFieldStart("parts");
    for (MessagePart part : message.parts()) {
      if (part instanceof TextPart text) {
        json.writeStartObject();
        json.writeStringField("type", "text");
        json.writeStringField("content", text.content());
        json.writeEndObject();
      } else if (part instanceof ToolCall call) {
        json.writeStartObject();
        json.writeStringField("type", "tool_call");
        json.writeStringField("id", call.id());
        json.writeStringField("name", call.name());
        json.writeFieldName("arguments");
        writeJsonOrText(json, call.arguments());
        json.writeEndObject();
      } else if (part instanceof ToolResult result) {
        json.writeStartObject();
        json.writeStringField("type", "tool_call_response");
        json.writeStringField("id", result.callId());
        json.writeStringField("name", result.toolName());
        json.writeFieldName("response");
        writeJsonOrText(json, result.content());
        json.writeEndObject();
      } else {
        json.writeStartObject();
        json.writeEndObject();
      }
    }
    json.writeEndArray();
    if (finishReason != null) {
      json.writeStringField("finish_reason", finishReason);
    }
    json.writeEndObject();
  }

  private static Message readMessage(JsonParser parser) throws IOException {
    Role role = Role.USER;
    List<MessagePart> parts = new ArrayList<>();
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return new Message(role, parts);
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("role")) {
        role = Role.fromWireValue(scalarText(parser, value, "user"));
      } else if (field.equals("parts") && value == JsonToken.START_ARRAY) {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          MessagePart part = readPart(parser);
          if (part != null) {
            parts.add(part);
          }
        }
      } else {
        parser.skipChildren();
      }
    }
    return new Message(role, parts);
  }

  private static MessagePart readPart(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return null;
    }
    String type = "";
    String content = "";
    String id = "";
    String name = "";
    String arguments = "";
    String response = "";
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "type" -> type = scalarText(parser, value, "");
        case "content" -> content = scalarText(parser, value, "");
        case "id" -> id = scalarText(parser, value, "");
        case "name" -> name = scalarText(parser, value, "");
        case "arguments" -> arguments = valueText(parser, value);
        case "response" -> response = valueText(parser, value);
        default -> parser.skipChildren();
      }
    }
    return switch (type) {
      case "text" -> new TextPart(content);
      case "tool_call" -> new ToolCall(id, name, arguments);
      case "tool_call_response" -> new ToolResult(id, name, response);
      default -> null;
    };
  }

  /**
   * A scalar's text (a string's content, a number or boolean as written); {@code fallback} for null, and the empty
   * text for an object or array, which is skipped.
   */
  private static String scalarText(JsonParser parser, JsonToken value, String fallback) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return fallback;
    }
    if (value.isScalarValue()) {
      return parser.getText();
    }
    parser.skipChildren();
    return "";
  }

  /** A tool argument or result: a string as it is, any other JSON value as compact JSON, null as empty. */
  private static String valueText(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return "";
    }
    if (value == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    return valueJson(parser);
  }

  /** The current value, whatever it is, as compact JSON text. */
  private static String valueJson(JsonParser parser) throws IOException {
    return writeOrThrow(json -> json.copyCurrentStructure(parser));
  }

  private static void writeJsonOrText(JsonGenerator json, String text) throws IOException {
    String compact = compactJson(text);
    if (compact == null) {
      json.writeString(text);
    } else {
      json.writeRawValue(compact);
    }
  }

  /** {@code text} as compact JSON when it is exactly one JSON object or array (whitespace around it aside), else null. */
  private static String compactJson(String text) {
    int start = 0;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    if (start == text.length() || (text.charAt(start) != '{' && text.charAt(start) != '[')) {
      return null;
    }
    try (JsonParser parser = FACTORY.createParser(text)) {
      parser.nextToken();
      String compact = writeOrThrow(json -> json.copyCurrentStructure(parser));
      return parser.nextToken() == null ? compact : null;
    } catch (JsonProcessingException notJson) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface Writing {
    void writeTo(JsonGenerator json) throws IOException;
  }

  @FunctionalInterface
  private interface Reading<T> {
    T readFrom(JsonParser parser) throws IOException;
  }

  private static String write(Writing writing) {
    try {
      return writeOrThrow(writing);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@code writing} writes, as text; a parse error of a value being copied reaches the caller. */
  private static String writeOrThrow(Writing writing) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      writing.writeTo(json);
    }
    return out.toString();
  }

  private static <T> T read(String json, String what, Reading<T> reading) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return reading.readFrom(parser);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Malformed " + what + " JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "… (" + text.length() + " chars)";
  }
}
