package dev.agenttrace.trace.dialect;

import dev.agenttrace.llm.GenAiJson;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolResult;
import dev.agenttrace.trace.SpanConventions;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs the {@link BatchStep}s the rules asked for, over the rewritten spans and the rest of the trace. */
final class BatchSteps {
  private static final String PREVIOUS = SpanConventions.SEGMENT_PREVIOUS_SPAN_ID.getKey();
  private static final String INDEX = SpanConventions.SEGMENT_INDEX.getKey();
  private static final String CALL_ID = SpanConventions.GEN_AI_TOOL_CALL_ID.getKey();

  private BatchSteps() {}

  static void run(List<SpanRewrite> rewrites, Collection<SpanData> all) {
    if (rewrites.stream().anyMatch(rewrite -> rewrite.wants(BatchStep.SEGMENT_INDEX))) {
      segmentIndexes(rewrites);
    }
    if (rewrites.stream().anyMatch(rewrite -> rewrite.wants(BatchStep.TOOL_CALL_FROM_LLM))) {
      toolCallsFromLlmCalls(rewrites, all);
    }
  }

  /** Numbers each segment by the length of its previous-segment chain: 0 for the first, 1 for its continuation … */
  private static void segmentIndexes(List<SpanRewrite> rewrites) {
    Map<String, String> previousBySpanId = new HashMap<>();
    for (SpanRewrite rewrite : rewrites) {
      if (rewrite.wants(BatchStep.SEGMENT_INDEX)) {
        previousBySpanId.put(rewrite.spanId(), rewrite.text(PREVIOUS).orElse(null));
      }
    }
    for (SpanRewrite rewrite : rewrites) {
      if (!rewrite.wants(BatchStep.SEGMENT_INDEX) || rewrite.has(INDEX)) {
        continue;
      }
      long index = 0;
      Set<String> seen = new HashSet<>();
      String previous = previousBySpanId.get(rewrite.spanId());
      while (previous != null && previousBySpanId.containsKey(previous) && seen.add(previous)) {
        index++;
        previous = previousBySpanId.get(previous);
      }
      rewrite.put(INDEX, index);
    }
  }

  /**
   * Gives tool spans without recorded arguments or result those of the matching tool call (same call id) in the
   * model's replies and in later requests' tool results.
   */
  private static void toolCallsFromLlmCalls(List<SpanRewrite> rewrites, Collection<SpanData> all) {
    Map<String, SpanRewrite> rewritten = new HashMap<>();
    rewrites.forEach(rewrite -> rewritten.put(rewrite.spanId(), rewrite));
    Map<String, ToolCall> calls = new HashMap<>();
    Map<String, ToolResult> results = new HashMap<>();
    for (SpanData span : all) {
      SpanRewrite rewrite = rewritten.get(span.getSpanId());
      String output = rewrite != null ? rewrite.text(SpanConventions.GEN_AI_OUTPUT_MESSAGES.getKey()).orElse(null)
          : span.getAttributes().get(SpanConventions.GEN_AI_OUTPUT_MESSAGES);
      String input = rewrite != null ? rewrite.text(SpanConventions.GEN_AI_INPUT_MESSAGES.getKey()).orElse(null)
          : span.getAttributes().get(SpanConventions.GEN_AI_INPUT_MESSAGES);
      for (Message message : messages(output)) {
        message.toolCalls().forEach(call -> calls.putIfAbsent(call.id(), call));
      }
      for (Message message : messages(input)) {
        message.toolCalls().forEach(call -> calls.putIfAbsent(call.id(), call));
        message.toolResults().forEach(result -> results.putIfAbsent(result.callId(), result));
      }
    }
    for (SpanRewrite rewrite : rewrites) {
      if (!rewrite.wants(BatchStep.TOOL_CALL_FROM_LLM)) {
        continue;
      }
      rewrite.text(CALL_ID).filter(id -> !id.isEmpty()).ifPresent(id -> {
        ToolCall call = calls.get(id);
        if (call != null) {
          rewrite.put(SpanConventions.GEN_AI_TOOL_CALL_ARGUMENTS.getKey(), call.arguments());
        }
        ToolResult result = results.get(id);
        if (result != null) {
          rewrite.put(SpanConventions.GEN_AI_TOOL_CALL_RESULT.getKey(), result.content());
        }
      });
    }
  }

  private static List<Message> messages(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return GenAiJson.parseMessages(json);
    } catch (RuntimeException unreadable) {
      return List.of();   // the LLM call reports unreadable content itself
    }
  }
}
