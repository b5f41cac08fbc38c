package dev.agenttrace.stubs.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenttrace.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reviewable file of recorded provider exchanges, one per test: pretty JSON with sorted keys, request bodies as
 * JSON, JSON response bodies as JSON and event streams as a list of lines, so a diff of a re-recording reads well.
 * Written only with already scrubbed content ({@link Scrubber}), atomically, with the permissions the umask gives.
 */
final class Cassette {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /** One recorded exchange. */
  record Interaction(String path, Map<String, String> requestHeaders, String requestBody, int status,
      Map<String, String> responseHeaders, String responseBody) {}

  private Cassette() {}

  static List<Interaction> read(Path file) {
    try {
      JsonNode root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      List<Interaction> interactions = new ArrayList<>();
      for (JsonNode node : root.path("interactions")) {
        JsonNode request = node.path("request");
        JsonNode response = node.path("response");
        interactions.add(new Interaction(request.path("path").asText(), strings(request.path("headers")),
            request.path("body").toString(), response.path("status").asInt(), strings(response.path("headers")),
            responseBody(response)));
      }
      return interactions;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read cassette " + file, e);
    }
  }

  static void write(Path file, List<Interaction> interactions) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", "agenttrace-cassette/1");
    ArrayNode array = root.putArray("interactions");
    for (Interaction interaction : interactions) {
      ObjectNode node = array.addObject();
      ObjectNode request = node.putObject("request");
      request.put("method", "POST");
      request.put("path", interaction.path());
      request.set("headers", MAPPER.valueToTree(interaction.requestHeaders()));
      request.set("body", jsonOrText(interaction.requestBody()));
      ObjectNode response = node.putObject("response");
      response.put("status", interaction.status());
      response.set("headers", MAPPER.valueToTree(interaction.responseHeaders()));
      if (isEventStream(interaction.responseHeaders())) {
        ArrayNode lines = response.putArray("eventStream");
        interaction.responseBody().lines().forEach(lines::add);
      } else {
        response.set("body", jsonOrText(interaction.responseBody()));
      }
    }
    try {
      AtomicFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write cassette " + file, e);
    }
  }

  /** Whether two request bodies are the same JSON (formatting and key order aside). */
  static boolean sameJson(String left, String right) {
    return jsonOrText(left).equals(jsonOrText(right));
  }

  static boolean isEventStream(Map<String, String> headers) {
    return headers.getOrDefault("content-type", "").startsWith(WireResponse.EVENT_STREAM);
  }

  private static String responseBody(JsonNode response) {
    if (response.has("eventStream")) {
      StringBuilder text = new StringBuilder();
      response.path("eventStream").forEach(line -> text.append(line.asText()).append('\n'));
      return text.toString();
    }
    JsonNode body = response.path("body");
    return body.isTextual() ? body.asText() : body.toString();
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
    return map;
  }

  private static JsonNode jsonOrText(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException notJson) {
      return MAPPER.getNodeFactory().textNode(text);
    }
  }
}
