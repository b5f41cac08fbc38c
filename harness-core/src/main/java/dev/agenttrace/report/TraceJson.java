package dev.agenttrace.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.MessagePart;
import dev.agenttrace.llm.TextPart;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.llm.ToolResult;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Execution;
import dev.agenttrace.trace.LlmCall;
import dev.agenttrace.trace.ResumeInfo;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.SpanView;
import dev.agenttrace.trace.Step;
import dev.agenttrace.trace.ToolInvocation;
import dev.agenttrace.trace.TraceError;
import dev.agenttrace.trace.TraceSpan;
import dev.agenttrace.trace.UnfinishedSpan;
import dev.agenttrace.trace.WaitInfo;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the report's data — the trace as the page's script reads it — as compact JSON: every span (times relative
 * to the trace start, in nanoseconds; parent as an index), the typed views (segments with their waits and resumes,
 * LLM conversations, tool arguments and results, steps, errors), the executions, the unfinished spans and the
 * {@link ReportInfo}. Every recorded string passes through {@link ReportText} (secrets redacted, huge values cut).
 */
final class TraceJson {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  /** Attributes the typed views already show, left out of the attribute list when they were read fine. */
  private static final Set<String> SHOWN_BY_VIEWS = Set.of(
      SpanConventions.GEN_AI_INPUT_MESSAGES.getKey(), SpanConventions.GEN_AI_OUTPUT_MESSAGES.getKey(),
      SpanConventions.GEN_AI_TOOL_DEFINITIONS.getKey(), SpanConventions.GEN_AI_TOOL_CALL_ARGUMENTS.getKey(),
      SpanConventions.GEN_AI_TOOL_CALL_RESULT.getKey(), SpanConventions.STEP_RESULT.getKey());

  private final AgentTrace trace;
  private final ReportInfo info;
  private final ReportText text;
  private final Map<String, Integer> indexBySpanId = new HashMap<>();
  private final Map<Execution, Integer> executionIndex = new IdentityHashMap<>();
  private final long origin;
  private JsonGenerator json;

  TraceJson(AgentTrace trace, ReportInfo info, ReportText text) {
    this.trace = trace;
    this.info = info;
    this.text = text;
    List<TraceSpan> spans = trace.spans();
    for (int i = 0; i < spans.size(); i++) {
      indexBySpanId.putIfAbsent(spans.get(i).spanId(), i);
    }
    List<Execution> executions = trace.executions();
    for (int i = 0; i < executions.size(); i++) {
      executionIndex.put(executions.get(i), i);
    }
    long start = Long.MAX_VALUE;
    for (TraceSpan span : spans) {
      start = Math.min(start, span.startEpochNanos());
    }
    for (UnfinishedSpan span : trace.unfinishedSpans()) {
      start = Math.min(start, span.startEpochNanos());
    }
    this.origin = start == Long.MAX_VALUE ? 0 : start;
  }

  void write(Writer out) throws IOException {
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json = generator;
      json.writeStartObject();
      writeMeta();
      json.writeArrayFieldStart("spans");
      for (TraceSpan span : trace.spans()) {
        writeSpan(span);
      }
      json.writeEndArray();
      writeExecutions();
      writeUnfinished();
      json.writeEndObject();
    }
  }

  private void writeMeta() throws IOException {
    json.writeObjectFieldStart("meta");
    string("title", info.title());
    string("status", info.status().name().toLowerCase(Locale.ROOT));
    string("failure", info.failureMessage());
    string("failedSpan", info.failedSpanId());
    json.writeArrayFieldStart("sections");
    for (ReportSection section : info.sections()) {
      json.writeStartObject();
      string("title", section.title());
      string("text", section.text());
      json.writeEndObject();
    }
    json.writeEndArray();
    Usage usage = trace.totalUsage();
    json.writeNumberField("tokensIn", usage.inputTokens());
    json.writeNumberField("tokensOut", usage.outputTokens());
    json.writeNumberField("llmCalls", trace.llmCalls().size());
    json.writeNumberField("toolCalls", trace.toolInvocations().size());
    json.writeNumberField("segments", trace.segments().size());
    json.writeNumberField("errors", trace.errors().size());
    json.writeNumberField("origin", origin);
    json.writeArrayFieldStart("notes");
    for (String note : trace.notes()) {
      json.writeString(text.clean(note));
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void writeSpan(TraceSpan span) throws IOException {
    json.writeStartObject();
    string("id", span.spanId());
    json.writeNumberField("p", span.parentSpanId().map(indexBySpanId::get).orElse(-1));
    string("n", span.name());
    string("c", categoryCode(span));
    string("k", span.kind().name().toLowerCase(Locale.ROOT));
    string("dl", span.attribute(SpanConventions.DIALECT).orElse(null));
    json.writeNumberField("s", span.startEpochNanos() - origin);
    json.writeNumberField("e", Math.max(span.endEpochNanos(), span.startEpochNanos()) - origin);
    json.writeNumberField("d", span.depth());
    if (span.isOrphan()) {
      json.writeBooleanField("orphan", true);
    }
    SpanView view = trace.viewOf(span.spanId()).orElse(null);
    if (view instanceof Segment segment) {
      writeSegment(segment);
    } else if (view instanceof LlmCall llm) {
      writeLlmCall(llm);
    } else if (view instanceof ToolInvocation tool) {
      writeTool(tool);
    } else if (view instanceof Step step) {
      writeStep(step);
    }
    TraceError.of(span).ifPresent(this::writeErrorUnchecked);
    boolean viewsReadContent = !(view instanceof LlmCall llm) || llm.contentProblems().isEmpty();
    writeAttributes("a", span.attributes(), viewsReadContent && view != null && !(view instanceof Segment));
    if (!span.events().isEmpty()) {
      json.writeArrayFieldStart("ev");
      for (EventData event : span.events()) {
        json.writeStartObject();
        string("n", event.getName());
        json.writeNumberField("t", event.getEpochNanos() - origin);
        writeAttributes("a", event.getAttributes(), false);
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    if (!span.links().isEmpty()) {
      json.writeArrayFieldStart("ln");
      for (LinkData link : span.links()) {
        json.writeString(link.getSpanContext().getSpanId());
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  private void writeSegment(Segment segment) throws IOException {
    json.writeObjectFieldStart("seg");
    json.writeNumberField("x", trace.executionOf(segment.span().spanId()).map(executionIndex::get).orElse(-1));
    string("agent", segment.agentName());
    if (segment.index().isPresent()) {
      json.writeNumberField("ix", segment.index().getAsInt());
    }
    string("outcome", segment.outcome().name().toLowerCase(Locale.ROOT));
    if (segment.replayed() > 0) {
      json.writeNumberField("replayed", segment.replayed());
    }
    List<WaitInfo> waits = segment.waits();
    if (!waits.isEmpty()) {
      json.writeFieldName("wait");
      writeWait(waits.get(0));
    }
    if (waits.size() > 1) {   // entered together (awaitAll): the others after the first
      json.writeArrayFieldStart("also");
      for (WaitInfo wait : waits.subList(1, waits.size())) {
        writeWait(wait);
      }
      json.writeEndArray();
    }
    if (segment.resumeInfo().isPresent()) {
      ResumeInfo resume = segment.resumeInfo().get();
      json.writeObjectFieldStart("resume");
      string("cause", resume.cause());
      json.writeNumberField("waitedMs", resume.waited().toMillis());
      json.writeEndObject();
    }
    string("previous", segment.previousSpanId().orElse(null));
    json.writeEndObject();
  }

  private void writeLlmCall(LlmCall call) throws IOException {
    json.writeObjectFieldStart("llm");
    string("model", call.model());
    string("provider", call.provider().orElse(null));
    string("responseId", call.responseId().orElse(null));
    string("finish", call.finishReason().map(reason -> reason.wireValue()).orElse(null));
    json.writeNumberField("in", call.usage().inputTokens());
    json.writeNumberField("out", call.usage().outputTokens());
    writeMessages("input", call.inputMessages());
    writeMessages("output", call.outputMessages());
    json.writeArrayFieldStart("tools");
    for (ToolDefinition definition : call.toolDefinitions()) {
      json.writeStartObject();
      string("name", definition.name());
      string("description", definition.description());
      string("schema", definition.parametersSchema());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("problems");
    for (String problem : call.contentProblems()) {
      json.writeString(text.clean(problem));
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void writeMessages(String field, List<Message> messages) throws IOException {
    json.writeArrayFieldStart(field);
    for (Message message : messages) {
      json.writeStartObject();
      string("role", message.role().wireValue());
      json.writeArrayFieldStart("parts");
      for (MessagePart part : message.parts()) {
        json.writeStartObject();
        if (part instanceof TextPart textPart) {
          string("type", "text");
          string("text", textPart.content());
        } else if (part instanceof ToolCall call) {
          string("type", "tool_call");
          string("id", call.id());
          string("name", call.name());
          string("arguments", call.arguments());
        } else if (part instanceof ToolResult result) {
          string("type", "tool_result");
          string("id", result.callId());
          string("name", result.toolName());
          string("result", result.content());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void writeTool(ToolInvocation tool) throws IOException {
    json.writeObjectFieldStart("tool");
    string("name", tool.name());
    string("callId", tool.callId().orElse(null));
    string("arguments", tool.arguments().orElse(null));
    string("result", tool.result().orElse(null));
    json.writeEndObject();
  }

  private void writeStep(Step step) throws IOException {
    json.writeObjectFieldStart("step");
    string("name", step.name());
    string("key", step.key().orElse(null));
    string("result", step.result().orElse(null));
    json.writeEndObject();
  }

  private void writeErrorUnchecked(TraceError error) {
    try {
      json.writeObjectFieldStart("err");
      string("type", error.type());
      string("message", error.message());
      string("stack", error.stackTrace());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeExecutions() throws IOException {
    json.writeArrayFieldStart("executions");
    for (Execution execution : trace.executions()) {
      json.writeStartObject();
      string("id", execution.executionId());
      string("name", execution.name());
      string("outcome", execution.outcome().name().toLowerCase(Locale.ROOT));
      json.writeArrayFieldStart("segs");
      for (Segment segment : execution.segments()) {
        json.writeNumber(indexBySpanId.getOrDefault(segment.span().spanId(), -1));
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void writeUnfinished() throws IOException {
    json.writeArrayFieldStart("unfinished");
    for (UnfinishedSpan span : trace.unfinishedSpans()) {
      json.writeStartObject();
      string("n", span.name());
      string("id", span.spanId());
      string("parent", span.parentSpanId());
      string("thread", span.threadName());
      json.writeNumberField("s", span.startEpochNanos() - origin);
      string("site", span.startSite() == null ? UnfinishedSpan.startSiteHint() : span.startSite());
      writeAttributes("a", span.attributes(), false);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void writeAttributes(String field, Attributes attributes, boolean skipShownByViews) throws IOException {
    json.writeArrayFieldStart(field);
    for (Map.Entry<AttributeKey<?>, Object> entry : attributes.asMap().entrySet()) {
      String key = entry.getKey().getKey();
      if (skipShownByViews && SHOWN_BY_VIEWS.contains(key)) {
        continue;
      }
      json.writeStartArray();
      json.writeString(text.clean(key));
      json.writeString(text.attribute(key, String.valueOf(entry.getValue())));
      json.writeEndArray();
    }
    json.writeEndArray();
  }

  private void writeWait(WaitInfo wait) throws IOException {
    json.writeStartObject();
    string("kind", wait.kind().wireValue());
    string("label", wait.describe());
    string("key", wait.key());
    string("until", wait.until());
    string("name", wait.name());
    json.writeArrayFieldStart("tools");
    for (String tool : wait.tools()) {
      json.writeString(text.clean(tool));
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void string(String field, String value) throws IOException {
    if (value != null) {
      json.writeStringField(field, text.clean(value));
    }
  }

  private static String categoryCode(TraceSpan span) {
    return switch (span.category()) {
      case AGENT_SEGMENT, WORKFLOW_SEGMENT -> "seg";
      case LLM_CALL -> "llm";
      case TOOL_CALL -> "tool";
      case STEP -> "step";
      case OTHER -> "other";
    };
  }
}
