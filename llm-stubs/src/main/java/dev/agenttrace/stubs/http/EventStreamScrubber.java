package dev.agenttrace.stubs.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.agenttrace.redaction.RedactionPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Scrubs a {@code text/event-stream} the way a client reads it: providers stream text in many small deltas, so a
 * secret (or a label and its value) is often split across {@code data:} events. Every string of the events' JSON is
 * put on a channel — its path, with array elements and events told apart by their {@code index} field, e.g.
 * {@code choices[0].delta.content} or Anthropic's {@code [1]delta.partial_json} — each channel's pieces are redacted
 * as one text ({@link RedactionPolicy#redactPieces}) and written back piece by piece, so the stream keeps its events
 * and a secret never survives in parts. Then each event is scrubbed as JSON and every other line as text.
 */
final class EventStreamScrubber {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String DATA = "data:";

  private final RedactionPolicy policy;
  private final UnaryOperator<String> lineScrubber;

  EventStreamScrubber(RedactionPolicy policy, UnaryOperator<String> lineScrubber) {
    this.policy = policy;
    this.lineScrubber = lineScrubber;
  }

  String scrub(String body) {
    List<String> lines = new ArrayList<>(body.lines().toList());
    Map<Integer, JsonNode> events = new LinkedHashMap<>();
    Map<String, List<Piece>> channels = new LinkedHashMap<>();
    Set<Integer> changed = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith(DATA)) {
        continue;
      }
      String payload = payload(line);
      JsonNode event = json(payload);
      if (event == null) {
        channels.computeIfAbsent("data", key -> new ArrayList<>()).add(new Piece(i, null, null, -1, payload));
        continue;
      }
      events.put(i, event);
      String root = event.path("index").isIntegralNumber() ? "[" + event.get("index").asInt() + "]" : "";
      collect(event, root, i, channels);
    }
    for (List<Piece> pieces : channels.values()) {
      List<String> redacted = policy.redactPieces(pieces.stream().map(Piece::text).toList());
      for (int p = 0; p < pieces.size(); p++) {
        Piece piece = pieces.get(p);
        String text = redacted.get(p);
        if (piece.isSecretField()) {
          text = text.isEmpty() || policy.isAllowed(text) ? text : policy.marker();
        }
        if (!text.equals(piece.text())) {
          piece.write(text, lines);
          changed.add(piece.line());
        }
      }
    }
    events.forEach((index, event) -> {
      if (changed.contains(index)) {
        lines.set(index, DATA + " " + write(event));
      }
    });
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      // a JSON event is scrubbed as JSON (by structure), never as a line of text that happens to hold JSON
      out.append(events.containsKey(i) ? DATA + " " + lineScrubber.apply(payload(line)) : lineScrubber.apply(line))
          .append('\n');
    }
    return out.toString();
  }

  private void collect(JsonNode node, String path, int line, Map<String, List<Piece>> channels) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        String child = path + "." + name;
        if (value.isTextual()) {
          channels.computeIfAbsent(child, key -> new ArrayList<>())
              .add(new Piece(line, object, name, -1, value.asText(), policy.isSecretKey(name)));
        } else {
          collect(value, child, line, channels);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode element = array.get(i);
        String child = path + "[" + (element.path("index").isIntegralNumber() ? element.get("index").asInt() : i)
            + "]";
        if (element.isTextual()) {
          channels.computeIfAbsent(child, key -> new ArrayList<>())
              .add(new Piece(line, array, null, i, element.asText()));
        } else {
          collect(element, child, line, channels);
        }
      }
    }
  }

  private static String payload(String line) {
    String payload = line.substring(DATA.length());
    return payload.startsWith(" ") ? payload.substring(1) : payload;
  }

  private static JsonNode json(String payload) {
    String trimmed = payload.strip();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
      return null;
    }
    try {
      return MAPPER.readTree(trimmed);
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  private static String write(JsonNode event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException cannotHappen) {
      throw new IllegalStateException(cannotHappen);
    }
  }

  /** One string of a stream: a field of an event's JSON, an element of one of its arrays, or a non-JSON payload. */
  private record Piece(int line, JsonNode container, String field, int element, String text, boolean isSecretField) {
    Piece(int line, JsonNode container, String field, int element, String text) {
      this(line, container, field, element, text, false);
    }

    void write(String value, List<String> lines) {
      if (container instanceof ObjectNode object) {
        object.set(field, TextNode.valueOf(value));
      } else if (container instanceof ArrayNode array) {
        array.set(element, TextNode.valueOf(value));
      } else {
        lines.set(line, DATA + " " + value);
      }
    }
  }
}
