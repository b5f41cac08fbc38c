package dev.agenttrace.trace.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The parameters of a transform entry ({@code {"use": "json_field", "from": …}}), checked as they are read. */
final class TransformParams {
  private final String use;
  private final JsonNode entry;
  private final Set<String> allowed;

  TransformParams(String use, JsonNode entry, Set<String> allowed) {
    this.use = use;
    this.entry = entry;
    this.allowed = allowed;
    Iterator<String> fields = entry.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      if (!field.equals("use") && !allowed.contains(field)) {
        throw new IllegalArgumentException("transform '" + use + "' has no parameter '" + field + "'"
            + (allowed.isEmpty() ? "; it takes none" : "; it takes " + String.join(", ", allowed)));
      }
    }
  }

  String required(String name) {
    JsonNode value = entry.path(name);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("transform '" + use + "' needs \"" + name + "\" (a non-empty string)");
    }
    return value.asText();
  }

  String optional(String name, String fallback) {
    JsonNode value = entry.path(name);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : fallback;
  }

  Template template(String name) {
    return Template.parse(required(name));
  }

  List<String> list(String name) {
    JsonNode value = entry.path(name);
    List<String> values = new ArrayList<>();
    if (value.isTextual()) {
      values.add(value.asText());
    } else if (value.isArray()) {
      value.forEach(element -> values.add(element.asText()));
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("transform '" + use + "' needs \"" + name + "\" (a string or a list)");
    }
    return values;
  }
}
