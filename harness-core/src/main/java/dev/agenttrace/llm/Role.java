package dev.agenttrace.llm;

import java.util.Locale;

/** The author of a {@link Message}, as named by the GenAI message schema ({@code system}, {@code user}, ...). */
public enum Role {
  SYSTEM,
  USER,
  ASSISTANT,
  TOOL;

  /** The lower-case value written into {@code gen_ai.input.messages} / {@code gen_ai.output.messages}. */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire value such as {@code "assistant"}; unknown roles fail with the accepted values. */
  public static Role fromWireValue(String value) {
    for (Role role : values()) {
      if (role.wireValue().equalsIgnoreCase(value)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "Unknown message role '" + value + "'; expected one of system, user, assistant, tool");
  }
}
