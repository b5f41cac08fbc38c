package dev.agenttrace.trace;

import dev.agenttrace.llm.Usage;

/** Reads token usage ({@code gen_ai.usage.*}) off a span. */
final class SpanUsage {
  private SpanUsage() {}

  /** True when the span records any token count. */
  static boolean isRecorded(TraceSpan span) {
    return span.attribute(SpanConventions.GEN_AI_USAGE_INPUT_TOKENS).isPresent()
        || span.attribute(SpanConventions.GEN_AI_USAGE_OUTPUT_TOKENS).isPresent();
  }

  /** The recorded usage; missing or negative counts read as zero. */
  static Usage of(TraceSpan span) {
    long input = span.attribute(SpanConventions.GEN_AI_USAGE_INPUT_TOKENS).orElse(0L);
    long output = span.attribute(SpanConventions.GEN_AI_USAGE_OUTPUT_TOKENS).orElse(0L);
    return Usage.of(Math.max(0, input), Math.max(0, output));
  }
}
