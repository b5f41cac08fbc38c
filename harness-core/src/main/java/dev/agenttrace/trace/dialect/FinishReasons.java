package dev.agenttrace.trace.dialect;

import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.trace.SpanConventions;
import java.util.List;
import java.util.Locale;

/** Writes a dialect's finish reason ({@code STOP}, {@code tool_use}, {@code end_turn} …) in the GenAI spelling. */
final class FinishReasons {
  private FinishReasons() {}

  /** Adds {@code gen_ai.response.finish_reasons} unless recorded; an unrecognised reason is left out. */
  static void put(SpanRewrite span, String reason) {
    if (reason == null || reason.isBlank()) {
      return;
    }
    try {
      String wire = FinishReason.fromWireValue(reason.strip().toLowerCase(Locale.ROOT)).wireValue();
      span.put(SpanConventions.GEN_AI_RESPONSE_FINISH_REASONS.getKey(), List.of(wire));
    } catch (IllegalArgumentException unknown) {
      // a provider spelling AgentTrace does not know: better no finish reason than a wrong one
    }
  }
}
