package dev.agenttrace.trace.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The built-in transforms a dialect table can name ({@code "use"}), each with the parameters it takes. The set is
 * closed on purpose: tables stay declarative data, not scripts.
 */
final class Transforms {
  private record Kind(Set<String> parameters, Function<TransformParams, SpanTransform> factory) {}

  private static final Map<String, Kind> KINDS = kinds();

  private Transforms() {}

  /** The transform an entry {@code {"use": …, …}} names, its parameters checked. */
  static SpanTransform create(JsonNode entry) {
    if (!entry.isObject() || !entry.path("use").isTextual()) {
      throw new IllegalArgumentException("a transform is an object {\"use\": \"<name>\", …}; known transforms: "
          + String.join(", ", KINDS.keySet()));
    }
    String use = entry.path("use").asText();
    Kind kind = KINDS.get(use);
    if (kind == null) {
      throw new IllegalArgumentException("unknown transform '" + use + "'; known transforms: "
          + String.join(", ", KINDS.keySet()));
    }
    return kind.factory().apply(new TransformParams(use, entry, kind.parameters()));
  }

  /** The names of the built-in transforms. */
  static Set<String> names() {
    return KINDS.keySet();
  }

  private static Map<String, Kind> kinds() {
    Map<String, Kind> kinds = new LinkedHashMap<>();
    kinds.put("openinference_messages", new Kind(Set.of("from", "to"), OpenInferenceMessages::new));
    kinds.put("openinference_tools", new Kind(Set.of("from", "to"), OpenInferenceTools::new));
    kinds.put("event_messages", new Kind(Set.of(), EventMessages::new));
    kinds.put("event_attributes", new Kind(Set.of("event", "keys"), EventAttributes::new));
    kinds.put("gemini_request", new Kind(Set.of("from"), GeminiContents::request));
    kinds.put("gemini_response", new Kind(Set.of("from"), GeminiContents::response));
    kinds.put("durable_llm_step", new Kind(Set.of("input", "output"), PolosLlmStep::new));
    kinds.put("json_field", new Kind(Set.of("from", "path", "to"), JsonField::new));
    kinds.put("segment_index", new Kind(Set.of(), params -> span -> span.requestBatchStep(BatchStep.SEGMENT_INDEX)));
    kinds.put("tool_call_from_llm",
        new Kind(Set.of(), params -> span -> span.requestBatchStep(BatchStep.TOOL_CALL_FROM_LLM)));
    return Collections.unmodifiableMap(kinds);
  }
}
