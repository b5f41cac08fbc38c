package dev.agenttrace.trace.dialect;

/**
 * Transforms that need the other spans of the trace, run after every span's rules: {@link #SEGMENT_INDEX} numbers
 * segments along their {@code agenttrace.segment.previous_span_id} chain (0 for the first);
 * {@link #TOOL_CALL_FROM_LLM} gives a tool span without recorded arguments (or result) the ones of the model's tool
 * call with the same call id.
 */
enum BatchStep {
  SEGMENT_INDEX,
  TOOL_CALL_FROM_LLM
}
