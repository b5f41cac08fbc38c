package dev.agenttrace.llm;

import java.util.Objects;

/** A tool offered to the model: name, description and the JSON schema of its parameters (as JSON text). */
public record ToolDefinition(String name, String description, String parametersSchema) {
  public ToolDefinition {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    parametersSchema = parametersSchema == null || parametersSchema.isBlank() ? "{\"type\":\"object\"}" : parametersSchema;
  }

  public static ToolDefinition of(String name, String description, String parametersSchema) {
    return new ToolDefinition(name, description, parametersSchema);
  }
}
