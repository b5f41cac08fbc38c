package dev.agenttrace.trace.dialect;

/**
 * One of the built-in transforms a dialect table may name where a mapping needs more than renaming (flattened
 * message lists, JSON payloads, span events). Adds conventional attributes or events to a span; never removes any.
 */
@FunctionalInterface
interface SpanTransform {
  void apply(SpanRewrite span);
}
