package dev.agenttrace.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Points at values inside the spans of a golden trace, for redactions, matchers and ignored fields: a field of the
 * canonical form ({@code field("response.text")}), a span attribute by its OpenTelemetry key
 * ({@code attribute("gen_ai.response.model")}), or a JSON path inside tool arguments or results
 * ({@code toolArguments("$.customer.email")}); optionally only on spans of one kind
 * ({@code .onSpans("tool_call")}). Immutable.
 */
public final class Selector {
  /** Attributes the canonical form renders as fields, and where. */
  private static final Map<String, List<String>> MAPPED_ATTRIBUTES = Map.ofEntries(
      Map.entry("gen_ai.provider.name", List.of("provider")),
      Map.entry("gen_ai.request.model", List.of("request", "model")),
      Map.entry("gen_ai.request.temperature", List.of("request", "temperature")),
      Map.entry("gen_ai.request.max_tokens", List.of("request", "max_tokens")),
      Map.entry("gen_ai.input.messages", List.of("request", "messages")),
      Map.entry("gen_ai.tool.definitions", List.of("request", "tools")),
      Map.entry("gen_ai.response.model", List.of("response", "model")),
      Map.entry("gen_ai.response.finish_reasons", List.of("response", "finish_reason")),
      Map.entry("gen_ai.output.messages", List.of("response")),
      Map.entry("gen_ai.usage.input_tokens", List.of("usage", "input_tokens")),
      Map.entry("gen_ai.usage.output_tokens", List.of("usage", "output_tokens")),
      Map.entry("gen_ai.tool.call.arguments", List.of("arguments")),
      Map.entry("gen_ai.tool.call.result", List.of("result")),
      Map.entry("agenttrace.step.result", List.of("result")),
      Map.entry("agenttrace.step.key", List.of("key")),
      Map.entry("agenttrace.segment.outcome", List.of("outcome")),
      Map.entry("agenttrace.resume.replayed", List.of("resumed", "replayed")));

  private final String spanKind;
  private final List<String> fieldPath;
  private final List<String> jsonPath;
  private final String description;

  private Selector(String spanKind, List<String> fieldPath, List<String> jsonPath, String description) {
    this.spanKind = spanKind;
    this.fieldPath = List.copyOf(fieldPath);
    this.jsonPath = List.copyOf(jsonPath);
    this.description = description;
  }

  /** A field of the canonical form, dotted from the span: {@code "response.text"}, {@code "usage"}. */
  public static Selector field(String dottedPath) {
    return new Selector(null, Arrays.asList(dottedPath.split("\\.")), List.of(), "field " + dottedPath);
  }

  /**
   * A span attribute by its OpenTelemetry key. Attributes the canonical form renders as fields (model, messages,
   * usage, tool arguments ...) select that field; any other key selects the entry under the span's
   * {@code attributes:}.
   */
  public static Selector attribute(String key) {
    List<String> path = MAPPED_ATTRIBUTES.getOrDefault(key, List.of("attributes", key));
    return new Selector(null, path, List.of(), "attribute " + key);
  }

  /** A JSON path ({@code $.a.b}, {@code $.items[0]}, {@code $.items[*].id}) inside tool call arguments. */
  public static Selector toolArguments(String jsonPath) {
    return new Selector("tool_call", List.of("arguments"), parse(jsonPath), "tool arguments " + jsonPath);
  }

  /** A JSON path inside tool call results. */
  public static Selector toolResult(String jsonPath) {
    return new Selector("tool_call", List.of("result"), parse(jsonPath), "tool result " + jsonPath);
  }

  /**
   * The same selection, only on spans of {@code kind}: {@code agent_segment}, {@code workflow_segment},
   * {@code llm_call}, {@code tool_call}, {@code step} or {@code other}.
   */
  public Selector onSpans(String kind) {
    return new Selector(Objects.requireNonNull(kind, "kind"), fieldPath, jsonPath, description + " on " + kind);
  }

  /** Replaces (or, when {@code change} returns {@code null}, removes) every selected value in one span's fields. */
  void apply(ObjectNode span, UnaryOperator<JsonNode> change) {
    if (spanKind != null && !spanKind.equals(span.path("kind").asText())) {
      return;
    }
    List<String> path = new ArrayList<>(fieldPath);
    path.addAll(jsonPath);
    visit(span, path, 0, change);
  }

  private static void visit(JsonNode container, List<String> path, int depth, UnaryOperator<JsonNode> change) {
    boolean last = depth == path.size() - 1;
    for (Slot slot : slots(container, path.get(depth))) {
      if (last) {
        slot.replace(change.apply(slot.value()));
      } else {
        visit(slot.value(), path, depth + 1, change);
      }
    }
  }

  /** The places under {@code container} that {@code step} names; array slots last first, so removals are safe. */
  private static List<Slot> slots(JsonNode container, String step) {
    List<Slot> slots = new ArrayList<>();
    if (container instanceof ObjectNode object) {
      Iterator<String> names = object.fieldNames();
      names.forEachRemaining(name -> {
        if (step.equals("*") || step.equals(name)) {
          slots.add(new Slot(object, name, -1));
        }
      });
    } else if (container instanceof ArrayNode array) {
      for (int index = array.size() - 1; index >= 0; index--) {
        if (step.equals("*") || step.equals(String.valueOf(index))) {
          slots.add(new Slot(array, null, index));
        }
      }
    }
    return slots;
  }

  /** A field of an object or an element of an array. */
  private record Slot(JsonNode container, String name, int index) {
    JsonNode value() {
      return name != null ? container.get(name) : container.get(index);
    }

    /** Sets the value, or removes the slot when {@code value} is {@code null}. */
    void replace(JsonNode value) {
      if (container instanceof ObjectNode object) {
        if (value == null) {
          object.remove(name);
        } else {
          object.set(name, value);
        }
      } else if (container instanceof ArrayNode array) {
        if (value == null) {
          array.remove(index);
        } else {
          array.set(index, value);
        }
      }
    }
  }

  /** {@code $.a.b[0][*].c} → {@code [a, b, 0, *, c]}. */
  private static List<String> parse(String jsonPath) {
    String path = jsonPath.strip();
    if (!path.startsWith("$")) {
      throw new IllegalArgumentException("A JSON path starts with '$', e.g. $.customer.email; got: " + jsonPath);
    }
    List<String> steps = new ArrayList<>();
    for (String part : path.substring(1).replace("[", ".").replace("]", "").split("\\.")) {
      if (!part.isEmpty()) {
        steps.add(part.equals("'*'") ? "*" : part.replaceAll("^'(.*)'$", "$1"));
      }
    }
    return steps;
  }

  @Override
  public String toString() {
    return description;
  }
}
