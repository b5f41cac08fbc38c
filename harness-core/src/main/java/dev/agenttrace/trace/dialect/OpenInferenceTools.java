package dev.agenttrace.trace.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code openinference_tools}: the tools offered to the model, flattened as {@code llm.tools.N.tool.json_schema}
 * (each a JSON function definition), as {@code gen_ai.tool.definitions}.
 */
final class OpenInferenceTools implements SpanTransform {
  private final String prefix;
  private final String target;

  OpenInferenceTools(TransformParams params) {
    this.prefix = params.required("from") + ".";
    this.target = params.optional("to", "gen_ai.tool.definitions");
  }

  @Override
  public void apply(SpanRewrite span) {
    if (span.has(target)) {
      return;
    }
    Map<Integer, JsonNode> schemas = new TreeMap<>();
    for (Map.Entry<String, Object> entry : span.originalValues().entrySet()) {
      String key = entry.getKey();
      if (key.startsWith(prefix) && key.endsWith(".tool.json_schema")) {
        String rest = key.substring(prefix.length());
        Integer index = FlatKeys.index(rest, rest.indexOf('.'));
        if (index != null) {
          ChatJson.parse(AttributeValues.text(entry.getValue())).ifPresent(schema -> schemas.put(index, schema));
        }
      }
    }
    List<JsonNode> definitions = new ArrayList<>(schemas.values());
    span.put(target, ChatJson.toolDefinitions(definitions));
  }
}
