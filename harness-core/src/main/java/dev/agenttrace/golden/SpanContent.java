package dev.agenttrace.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.MessagePart;
import dev.agenttrace.llm.TextPart;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.llm.ToolResult;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.LlmCall;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SpanCategory;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.SpanView;
import dev.agenttrace.trace.Step;
import dev.agenttrace.trace.ToolInvocation;
import dev.agenttrace.trace.TraceError;
import dev.agenttrace.trace.TraceSpan;
import dev.agenttrace.trace.WaitInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The canonical fields of one span, without its children: kind and name, then what its kind means — a segment's
 * index, resume, outcome and wait; an LLM call's request, response and usage; a tool's arguments and result; a
 * step's key and result; any other span's stable attributes — and its error (type and message, no stack). Never
 * ids, timestamps, durations, thread or host names. JSON content is re-serialized with sorted keys.
 */
final class SpanContent {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Attributes of other spans that differ between runs or machines and never reach a golden file. */
  private static final Pattern VOLATILE_ATTRIBUTE = Pattern.compile(
      "(?i)(^(thread|host|process|os|server|client|network|net|peer|telemetry|service\\.instance|code)\\.)"
          + "|([._]id$)|duration|_ms$|_ns$|time");

  private final AgentTrace trace;

  SpanContent(AgentTrace trace) {
    this.trace = trace;
  }

  /** The kind of a span as golden files name it: {@code agent_segment}, {@code llm_call} … */
  static String kind(SpanCategory category) {
    return category.name().toLowerCase(Locale.ROOT);
  }

  ObjectNode of(TraceSpan span) {
    ObjectNode node = JSON.objectNode();
    node.put("kind", kind(span.category()));
    node.put("name", span.name());
    SpanView view = trace.viewOf(span.spanId()).orElse(null);
    if (view instanceof Segment segment) {
      segment(node, segment);
    } else if (view instanceof LlmCall call) {
      llmCall(node, call);
    } else if (view instanceof ToolInvocation tool) {
      tool(node, tool);
    } else if (view instanceof Step step) {
      step(node, step);
    } else {
      attributes(node, span);
    }
    TraceError.of(span).ifPresent(error -> {
      ObjectNode failure = node.putObject("error");
      failure.put("type", error.type());
      if (!error.message().isEmpty()) {
        failure.put("message", error.message());
      }
    });
    return node;
  }

  private static void segment(ObjectNode node, Segment segment) {
    segment.index().ifPresent(index -> node.put("segment", index));
    segment.resumeInfo().ifPresent(resume -> {
      ObjectNode resumed = node.putObject("resumed");
      if (!resume.cause().isEmpty()) {
        resumed.put("cause", resume.cause());
      }
      resumed.put("replayed", segment.replayed());
    });
    node.put("outcome", segment.outcome().wireValue());
    segment.waitInfo().ifPresent(wait -> node.set("wait", waitNode(wait)));
    List<WaitInfo> waits = segment.waits();
    if (waits.size() > 1) {   // entered together (awaitAll): the others after the first
      ArrayNode others = node.putArray("also_waits");
      waits.subList(1, waits.size()).forEach(wait -> others.add(waitNode(wait)));
    }
    usage(node, segment.usage());
  }

  private static ObjectNode waitNode(WaitInfo wait) {
    ObjectNode node = JSON.objectNode();
    node.put("kind", wait.kind().wireValue());
    if (wait.key() != null) {
      node.put("key", wait.key());
    }
    if (!wait.tools().isEmpty()) {
      ArrayNode tools = node.putArray("tools");
      wait.tools().forEach(tools::add);
    }
    if (wait.name() != null) {
      node.put("name", wait.name());
    }
    if (wait.until() != null) {
      node.put("until", wait.until());
    }
    return node;
  }

  private static void llmCall(ObjectNode node, LlmCall call) {
    call.provider().ifPresent(provider -> node.put("provider", provider));
    ObjectNode request = node.putObject("request");
    call.requestModel().ifPresent(model -> request.put("model", model));
    call.span().attribute(SpanConventions.GEN_AI_REQUEST_TEMPERATURE)
        .ifPresent(temperature -> request.put("temperature", temperature));
    call.span().attribute(SpanConventions.GEN_AI_REQUEST_MAX_TOKENS)
        .ifPresent(maxTokens -> request.put("max_tokens", maxTokens));
    ArrayNode messages = request.putArray("messages");
    call.inputMessages().forEach(message -> messages.add(message(message)));
    if (!call.toolDefinitions().isEmpty()) {
      ArrayNode tools = request.putArray("tools");
      call.toolDefinitions().stream().map(ToolDefinition::name).forEach(tools::add);
    }
    ObjectNode response = node.putObject("response");
    call.responseModel().ifPresent(model -> response.put("model", model));
    String text = call.outputText();
    if (!text.isEmpty()) {
      response.put("text", text);
    }
    List<ToolCall> requested = call.requestedToolCalls();
    if (!requested.isEmpty()) {
      ArrayNode toolCalls = response.putArray("tool_calls");
      requested.forEach(toolCall -> toolCalls.add(toolCall(toolCall)));
    }
    call.finishReason().ifPresent(reason -> response.put("finish_reason", reason.wireValue()));
    if (response.isEmpty()) {
      node.remove("response");
    }
    usage(node, call.usage());
    if (!call.contentProblems().isEmpty()) {
      ArrayNode problems = node.putArray("content_problems");
      call.contentProblems().forEach(problems::add);
    }
  }

  private static ObjectNode message(Message message) {
    ObjectNode node = JSON.objectNode();
    node.put("role", message.role().wireValue());
    List<JsonNode> toolCalls = new ArrayList<>();
    List<JsonNode> results = new ArrayList<>();
    for (MessagePart part : message.parts()) {
      if (part instanceof ToolCall call) {
        toolCalls.add(toolCall(call));
      } else if (part instanceof ToolResult result) {
        ObjectNode resultNode = JSON.objectNode();
        resultNode.put("name", result.toolName());
        resultNode.set("content", CanonicalJson.valueOf(result.content()));
        results.add(resultNode);
      }
    }
    boolean hasText = message.parts().stream().anyMatch(TextPart.class::isInstance);
    if (hasText) {
      node.put("text", message.text());
    }
    if (!toolCalls.isEmpty()) {
      node.putArray("tool_calls").addAll(toolCalls);
    }
    if (!results.isEmpty()) {
      node.putArray("tool_results").addAll(results);
    }
    return node;
  }

  private static ObjectNode toolCall(ToolCall call) {
    ObjectNode node = JSON.objectNode();
    node.put("name", call.name());
    node.set("arguments", CanonicalJson.valueOf(call.arguments()));
    return node;
  }

  private static void tool(ObjectNode node, ToolInvocation tool) {
    tool.arguments().ifPresent(arguments -> node.set("arguments", CanonicalJson.valueOf(arguments)));
    tool.result().ifPresent(result -> node.set("result", CanonicalJson.valueOf(result)));
  }

  private static void step(ObjectNode node, Step step) {
    step.key().ifPresent(key -> node.put("key", key));
    step.result().ifPresent(result -> node.set("result", CanonicalJson.valueOf(result)));
  }

  private static void attributes(ObjectNode node, TraceSpan span) {
    Map<String, Object> stable = span.attributes().asMap().entrySet().stream()
        .filter(entry -> !VOLATILE_ATTRIBUTE.matcher(entry.getKey().getKey()).find())
        .collect(Collectors.toMap(entry -> entry.getKey().getKey(), Map.Entry::getValue, (a, b) -> a));
    if (stable.isEmpty()) {
      return;
    }
    ObjectNode attributes = node.putObject("attributes");
    stable.keySet().stream().sorted(Comparator.naturalOrder())
        .forEach(key -> attributes.set(key, value(stable.get(key))));
  }

  private static JsonNode value(Object value) {
    if (value instanceof List<?> list) {
      ArrayNode array = JSON.arrayNode();
      list.forEach(element -> array.add(value(element)));
      return array;
    }
    if (value instanceof Boolean bool) {
      return JSON.booleanNode(bool);
    }
    if (value instanceof Long number) {
      return JSON.numberNode(number);
    }
    if (value instanceof Double number) {
      return JSON.numberNode(number);
    }
    return JSON.textNode(String.valueOf(value));
  }

  private static void usage(ObjectNode node, Usage usage) {
    if (usage.inputTokens() == 0 && usage.outputTokens() == 0) {
      return;
    }
    ObjectNode tokens = node.putObject("usage");
    tokens.put("input_tokens", usage.inputTokens());
    tokens.put("output_tokens", usage.outputTokens());
  }
}
