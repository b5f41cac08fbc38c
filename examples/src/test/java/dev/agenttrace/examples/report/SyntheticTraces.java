package dev.agenttrace.examples.report;

import static dev.agenttrace.trace.SpanConventions.*;

import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.GenAiJson;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.AgentTrace;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds agent-shaped traces through a real OpenTelemetry SDK with explicit timestamps: executions whose segments
 * each make an LLM call that requests a tool, run a step, and wait for the tool — with every text field taken from
 * a caller-supplied function, so the same shape carries plain text, hostile payloads or huge values.
 */
final class SyntheticTraces {
  /** The text to record in the field called {@code field} of span number {@code n}. */
  @FunctionalInterface
  interface Texts {
    String text(String field, int n);
  }

  private static final long T0 = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final Tracer tracer = provider.get("synthetic");
  private final Texts texts;
  private int counter;

  private SyntheticTraces(Texts texts) {
    this.texts = texts;
  }

  /** {@code executions} executions of {@code segments} segments each: four spans per segment. */
  static AgentTrace agentLoops(int executions, int segments) {
    return agentLoops(executions, segments, (field, n) -> field.equals("agent") ? "LoopAgent" : field + " " + n);
  }

  static AgentTrace agentLoops(int executions, int segments, Texts texts) {
    SyntheticTraces builder = new SyntheticTraces(texts);
    for (int x = 0; x < executions; x++) {
      builder.execution(x, segments);
    }
    AgentTrace trace = AgentTrace.of(builder.exporter.getFinishedSpanItems());
    builder.provider.close();
    return trace;
  }

  private void execution(int x, int segments) {
    long at = T0 + x * 1_000_000_000L;
    String agent = texts.text("agent", x);
    for (int s = 0; s < segments; s++) {
      int n = counter++;
      boolean last = s == segments - 1;
      Span segment = start("invoke_agent " + agent, null, at, SpanKind.INTERNAL)
          .setAttribute(GEN_AI_OPERATION_NAME, OP_INVOKE_AGENT).setAttribute(GEN_AI_AGENT_NAME, agent)
          .setAttribute(EXECUTION_ID, texts.text("execution", x)).setAttribute(SEGMENT_INDEX, (long) s)
          .setAttribute(SEGMENT_OUTCOME, last ? "completed" : "waiting");
      if (s > 0) {
        segment.addEvent(EVENT_RESUME, Attributes.of(RESUME_CAUSE, texts.text("cause", n), RESUME_WAITED_MS, 5L),
            at, TimeUnit.NANOSECONDS);
      }
      Context parent = Context.root().with(segment);
      String tool = texts.text("tool", n);
      ToolCall call = new ToolCall(texts.text("callId", n), tool, texts.text("arguments", n));
      ToolDefinition definition = ToolDefinition.of(tool, texts.text("description", n), "{\"type\":\"object\"}");
      List<Message> input = List.of(Message.system(texts.text("system", n)), Message.user(texts.text("user", n)));
      ChatResponse response = new ChatResponse("resp_" + n, "gpt-4o", Message.assistant(texts.text("reply", n),
          List.of(call)), FinishReason.TOOL_CALL, Usage.of(20, 5));
      Span chat = start("chat gpt-4o", parent, at + 100_000, SpanKind.CLIENT)
          .setAttribute(GEN_AI_OPERATION_NAME, OP_CHAT).setAttribute(GEN_AI_REQUEST_MODEL, "gpt-4o")
          .setAttribute(GEN_AI_INPUT_MESSAGES, GenAiJson.inputMessages(input))
          .setAttribute(GEN_AI_OUTPUT_MESSAGES, GenAiJson.outputMessages(response))
          .setAttribute(GEN_AI_TOOL_DEFINITIONS, GenAiJson.toolDefinitions(List.of(definition)))
          .setAttribute(GEN_AI_USAGE_INPUT_TOKENS, 20L).setAttribute(GEN_AI_USAGE_OUTPUT_TOKENS, 5L)
          .setAttribute(texts.text("attributeKey", n), texts.text("attributeValue", n));
      chat.end(at + 2_000_000, TimeUnit.NANOSECONDS);
      Span step = start("step " + texts.text("step", n), parent, at + 2_100_000, SpanKind.INTERNAL)
          .setAttribute(STEP_NAME, texts.text("step", n)).setAttribute(STEP_RESULT, texts.text("stepResult", n));
      step.setStatus(StatusCode.ERROR, texts.text("status", n));
      step.recordException(new IllegalStateException(texts.text("exception", n)),
          Attributes.of(EXCEPTION_STACKTRACE, texts.text("stack", n)));
      step.end(at + 2_600_000, TimeUnit.NANOSECONDS);
      if (!last) {
        segment.addEvent(EVENT_WAIT, Attributes.of(WAIT_KIND, "tool", WAIT_TOOLS, List.of(tool),
            WAIT_KEY, texts.text("waitKey", n)), at + 2_700_000, TimeUnit.NANOSECONDS);
      }
      segment.end(at + 2_800_000, TimeUnit.NANOSECONDS);
      if (!last) {
        Span run = start("execute_tool " + tool, parent, at + 2_900_000, SpanKind.INTERNAL)
            .setAttribute(GEN_AI_OPERATION_NAME, OP_EXECUTE_TOOL).setAttribute(GEN_AI_TOOL_NAME, tool)
            .setAttribute(GEN_AI_TOOL_CALL_ID, call.id()).setAttribute(GEN_AI_TOOL_CALL_ARGUMENTS, call.arguments())
            .setAttribute(GEN_AI_TOOL_CALL_RESULT, texts.text("result", n));
        run.addEvent(texts.text("event", n), Attributes.of(WAIT_NAME, texts.text("eventValue", n)));
        run.end(at + 3_400_000, TimeUnit.NANOSECONDS);
      }
      at += 4_000_000;
    }
  }

  private Span start(String name, Context parent, long at, SpanKind kind) {
    return tracer.spanBuilder(name).setParent(parent == null ? Context.root() : parent).setSpanKind(kind)
        .setStartTimestamp(at, TimeUnit.NANOSECONDS).startSpan();
  }
}
