package dev.agenttrace.assertions;

import dev.agenttrace.trace.Execution;
import dev.agenttrace.trace.LlmCall;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.Step;
import dev.agenttrace.trace.ToolInvocation;
import dev.agenttrace.trace.TraceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Finds work an execution did twice, which durable replay should have prevented: the same tool call id run twice,
 * the same step key run twice, or the identical LLM request (model, messages, tools offered) sent twice.
 */
final class DuplicateWork {
  /** One repeated piece of work: what it is and the span of the repeat. */
  record Repeat(String what, TraceSpan first, TraceSpan again) {
    String describe() {
      return what + " (spans " + first.spanId() + " and " + again.spanId() + ")";
    }
  }

  private DuplicateWork() {}

  static List<Repeat> in(Execution execution) {
    List<Repeat> repeats = new ArrayList<>();
    find(execution.toolInvocations(), tool -> tool.callId().orElse(null),
        (tool, id) -> "tool call id " + id + " (" + tool.name() + ") ran twice", ToolInvocation::span, repeats);
    find(execution.steps(), step -> step.key().orElse(null),
        (step, key) -> "step key " + key + " (" + step.name() + ") ran twice", Step::span, repeats);
    find(execution.llmCalls(), DuplicateWork::request,
        (call, request) -> "the identical request to " + call.model() + " was sent twice", LlmCall::span, repeats);
    return repeats;
  }

  private static String request(LlmCall call) {
    return call.rawInputMessages().map(messages -> call.model() + "\u0000" + messages + "\u0000"
        + call.span().attribute(SpanConventions.GEN_AI_TOOL_DEFINITIONS).orElse("")).orElse(null);
  }

  private static <T> void find(List<T> work, Function<T, String> identity,
      BiFunction<T, String, String> describe, Function<T, TraceSpan> spanOf, List<Repeat> into) {
    Map<String, T> seen = new HashMap<>();
    for (T item : work) {
      String id = identity.apply(item);
      if (id == null) {
        continue;
      }
      T earlier = seen.putIfAbsent(id, item);
      if (earlier != null) {
        into.add(new Repeat(describe.apply(item, id), spanOf.apply(earlier), spanOf.apply(item)));
      }
    }
  }
}
