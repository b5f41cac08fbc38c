package dev.agenttrace.llm;

import java.util.Locale;

/**
 * Why the model stopped, normalized across providers to the GenAI values ({@code stop}, {@code length},
 * {@code tool_call}, {@code content_filter}, {@code error}).
 */
public enum FinishReason {
  STOP,
  LENGTH,
  TOOL_CALL,
  CONTENT_FILTER,
  ERROR;

  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a finish reason in the GenAI spelling or a provider's ({@code tool_calls}, {@code tool_use},
   * {@code end_turn}, {@code max_tokens}, {@code stop_sequence}, {@code refusal}); unknown values fail.
   */
  public static FinishReason fromWireValue(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "stop", "end_turn", "stop_sequence", "pause_turn":
        return STOP;
      case "length", "max_tokens", "model_context_window_exceeded":
        return LENGTH;
      case "tool_call", "tool_calls", "tool_use", "function_call":
        return TOOL_CALL;
      case "content_filter", "refusal", "safety":
        return CONTENT_FILTER;
      case "error":
        return ERROR;
      default:
        throw new IllegalArgumentException("Unknown finish reason '" + value
            + "'; expected one of stop, length, tool_call, content_filter, error (or a provider spelling)");
    }
  }
}
