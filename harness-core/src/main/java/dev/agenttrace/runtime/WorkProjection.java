package dev.agenttrace.runtime;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Execution;
import dev.agenttrace.trace.LlmCall;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.Step;
import dev.agenttrace.trace.ToolInvocation;
import dev.agenttrace.trace.TraceSpan;
import dev.agenttrace.trace.WaitInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work a trace shows, without the segment boundaries a crash adds: per execution, in order, every LLM call
 * (request and response), wait, tool call (arguments, result, error) and step (key, result), and how the execution
 * ended. Two runs of a deterministic agent — one crashed and recovered, one not — must project to the same text.
 * Tool call ids, execution ids and journaled {@code now}/{@code randomUuid} values differ from run to run and are
 * replaced by placeholders in order of appearance; a tool attempt cut short by a crash (its span carries the
 * {@code agenttrace.crash} event) is left out, because an idempotent tool may legitimately run again.
 */
final class WorkProjection {
  private WorkProjection() {}

  /** The projection as lines; {@code volatileValues} are replaced by placeholders. */
  static List<String> of(AgentTrace trace, List<String> volatileValues) {
    List<String> lines = new ArrayList<>();
    for (Execution execution : trace.executions()) {
      lines.add("execution " + execution.name() + " → " + execution.outcome().wireValue());
      String lastWaitKey = null;
      for (Segment segment : execution.segments()) {
        List<Item> items = new ArrayList<>();
        segment.llmCalls().forEach(call -> items.add(new Item(call.span(), chat(call))));
        segment.steps().forEach(step -> items.add(new Item(step.span(), step(step))));
        items.sort(Comparator.comparingLong(item -> item.span().startEpochNanos()));
        items.forEach(item -> lines.add("  " + item.text()));
        // a recovered segment that enters the same wait again (same journal key) is the same wait
        String waitKey = segment.waitInfo().map(WaitInfo::key).orElse(null);
        if (segment.outcome() == SegmentOutcome.WAITING && (waitKey == null || !waitKey.equals(lastWaitKey))) {
          lines.add("  wait " + segment.waits().stream().map(WaitProjection::describe).reduce((a, b) -> a + " + " + b)
              .orElse("?"));
        }
        lastWaitKey = segment.outcome() == SegmentOutcome.WAITING ? waitKey : lastWaitKey;
        segment.toolInvocations().stream()
            .filter(tool -> tool.span().event(SpanConventions.EVENT_CRASH).isEmpty())
            .forEach(tool -> lines.add("  " + tool(tool)));
      }
    }
    return normalize(lines, trace, volatileValues);
  }

  private record Item(TraceSpan span, String text) {}

  private static String chat(LlmCall call) {
    return "chat " + call.model() + " in=" + call.rawInputMessages().orElse("?") + " out="
        + call.rawOutputMessages().orElse("?") + error(call.span());
  }

  private static String step(Step step) {
    return "step " + step.name() + " key=" + step.key().orElse("?") + " result=" + step.result().orElse("?")
        + error(step.span());
  }

  private static String tool(ToolInvocation tool) {
    return "tool " + tool.name() + " args=" + tool.arguments().orElse("?") + " result=" + tool.result().orElse("?")
        + error(tool.span());
  }

  private static String error(TraceSpan span) {
    return span.isError() ? " error=" + span.attribute(SpanConventions.ERROR_TYPE).orElse("?") : "";
  }

  /** Waits without their run-specific deadline instants. */
  private static final class WaitProjection {
    static String describe(WaitInfo wait) {
      return switch (wait.kind()) {
        case TOOL -> "tool " + String.join(", ", wait.tools());
        case TIMER -> "timer";
        default -> wait.kind().wireValue() + " " + (wait.name() == null ? "" : wait.name());
      };
    }
  }

  private static List<String> normalize(List<String> lines, AgentTrace trace, List<String> volatileValues) {
    Map<String, String> placeholders = new LinkedHashMap<>();
    for (ToolInvocation tool : trace.toolInvocations()) {
      tool.callId().ifPresent(id -> placeholders.putIfAbsent(id, "<call#" + (placeholders.size() + 1) + ">"));
    }
    for (LlmCall call : trace.llmCalls()) {
      call.requestedToolCalls().forEach(requested ->
          placeholders.putIfAbsent(requested.id(), "<call#" + (placeholders.size() + 1) + ">"));
    }
    int value = 0;
    for (String volatileValue : volatileValues) {
      placeholders.putIfAbsent(volatileValue, "<value#" + (++value) + ">");
    }
    List<String> normalized = new ArrayList<>(lines.size());
    for (String line : lines) {
      String text = line;
      for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
        if (!placeholder.getKey().isEmpty()) {
          text = text.replace(placeholder.getKey(), placeholder.getValue());
        }
      }
      normalized.add(text);
    }
    return normalized;
  }
}
