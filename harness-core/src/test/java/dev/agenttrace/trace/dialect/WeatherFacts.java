package dev.agenttrace.trace.dialect;

import static dev.agenttrace.trace.SpanConventions.*;
import static dev.agenttrace.trace.dialect.FixtureSpan.span;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;

/**
 * The brief's weather agent as facts (two LLM calls, one {@code get_weather({"city":"Paris"})} tool call and its
 * result, and — where the instrumentation has them — agent segments), and the same facts written in AgentTrace's
 * own conventions. A dialect fixture states which facts its instrumentation can carry; {@link #nativeSpans()} writes
 * exactly those, so the two goldens can be compared byte for byte.
 *
 * @param shape how the run is framed: two durable segments, one agent span (an {@code invoke_agent} span without
 *     durable-execution attributes: one segment, outcome unknown), or no agent span at all
 * @param model the model named in requests (and span names)
 * @param provider {@code gen_ai.provider.name}, or {@code null} when the dialect does not record it
 * @param responseModel {@code gen_ai.response.model}, or {@code null}
 * @param messages whether request and reply messages are recorded
 * @param toolDefinitions whether the tools offered are recorded
 * @param finishReasons the two calls' finish reasons as GenAI values, or {@code null} when not recorded
 */
record WeatherFacts(
    Shape shape, String model, String provider, String responseModel, boolean messages, boolean toolDefinitions,
    List<String> finishReasons) {

  enum Shape { DURABLE_SEGMENTS, ONE_AGENT_SPAN, NO_AGENT_SPAN }

  static final String AGENT = "weather_agent";
  static final String SYSTEM = "You answer weather questions. Use get_weather for current conditions.";
  static final String QUESTION = "What's the weather in Paris?";
  static final String ARGUMENTS = "{\"city\":\"Paris\"}";
  static final String RESULT = "{\"tempC\":18,\"sky\":\"sunny\"}";
  static final String ANSWER = "18°C and sunny in Paris.";
  static final String CALL_ID = "call_1";
  static final String TOOL_SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}";
  static final String DESCRIPTION = "Current weather in a city";
  /** Span ids: the agent (segment 0), the first call, the tool, segment 1, the second call. */
  static final int AGENT_ID = 1;
  static final int FIRST_CALL_ID = 2;
  static final int TOOL_ID = 3;
  static final int RESUMED_ID = 4;
  static final int SECOND_CALL_ID = 5;

  /** Every fact, as AgentTrace's own runtime records them. */
  static WeatherFacts all() {
    return new WeatherFacts(Shape.DURABLE_SEGMENTS, "gpt-4o", "openai", "gpt-4o", true, true,
        List.of("tool_call", "stop"));
  }

  /** The first call's input messages in the GenAI JSON schema. */
  static String firstInput() {
    return "[" + system() + "," + user() + "]";
  }

  static String firstOutput() {
    return "[{\"role\":\"assistant\",\"parts\":[" + toolCallPart() + "],\"finish_reason\":\"tool_call\"}]";
  }

  static String secondInput() {
    return "[" + system() + "," + user() + ",{\"role\":\"assistant\",\"parts\":[" + toolCallPart() + "]},"
        + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"" + CALL_ID
        + "\",\"name\":\"get_weather\",\"response\":" + RESULT + "}]}]";
  }

  static String secondOutput() {
    return "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"" + ANSWER
        + "\"}],\"finish_reason\":\"stop\"}]";
  }

  static String toolDefinitionsJson() {
    return "[{\"type\":\"function\",\"name\":\"get_weather\",\"description\":\"" + DESCRIPTION
        + "\",\"parameters\":" + TOOL_SCHEMA + "}]";
  }

  private static String system() {
    return "{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"" + SYSTEM + "\"}]}";
  }

  private static String user() {
    return "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + QUESTION + "\"}]}";
  }

  private static String toolCallPart() {
    return "{\"type\":\"tool_call\",\"id\":\"" + CALL_ID + "\",\"name\":\"get_weather\",\"arguments\":" + ARGUMENTS + "}";
  }

  /** These facts in AgentTrace's own conventions (the way its durable runtime writes them). */
  List<SpanData> nativeSpans() {
    List<SpanData> spans = new ArrayList<>();
    Integer firstParent = null;
    Integer secondParent = null;
    if (shape == Shape.DURABLE_SEGMENTS) {
      spans.add(segment(AGENT_ID, 0, "waiting").time(0, 40)
          .event(EVENT_WAIT, 30, Attributes.empty()).data());
      spans.add(segment(RESUMED_ID, 1, "completed").time(70, 100)
          .attr(SEGMENT_PREVIOUS_SPAN_ID.getKey(), FixtureSpan.spanId(AGENT_ID)).link(AGENT_ID)
          .event(EVENT_RESUME, 70, Attributes.empty()).data());
      firstParent = AGENT_ID;
      secondParent = RESUMED_ID;
    } else if (shape == Shape.ONE_AGENT_SPAN) {
      spans.add(span(AGENT_ID, agentSegmentName(AGENT)).time(0, 100)
          .attr(GEN_AI_OPERATION_NAME, OP_INVOKE_AGENT).attr(GEN_AI_AGENT_NAME, AGENT).data());
      firstParent = AGENT_ID;
      secondParent = AGENT_ID;
    }
    spans.add(chat(FIRST_CALL_ID, firstParent, 25, 7, firstInput(), firstOutput(), 0).time(5, 20).data());
    FixtureSpan tool = span(TOOL_ID, toolSpanName("get_weather")).time(25, 60)
        .attr(GEN_AI_OPERATION_NAME, OP_EXECUTE_TOOL).attr(GEN_AI_TOOL_NAME, "get_weather")
        .attr(GEN_AI_TOOL_CALL_ID, CALL_ID).attr(GEN_AI_TOOL_CALL_ARGUMENTS, ARGUMENTS)
        .attr(GEN_AI_TOOL_CALL_RESULT, RESULT);
    spans.add((firstParent == null ? tool : tool.parent(firstParent)).data());
    spans.add(chat(SECOND_CALL_ID, secondParent, 38, 6, secondInput(), secondOutput(), 1).time(75, 95).data());
    return spans;
  }

  private FixtureSpan segment(int id, int index, String outcome) {
    return span(id, agentSegmentName(AGENT))
        .attr(GEN_AI_OPERATION_NAME, OP_INVOKE_AGENT).attr(GEN_AI_AGENT_NAME, AGENT)
        .attr(EXECUTION_ID.getKey(), "exec-1").attr(SEGMENT_INDEX.getKey(), index)
        .attr(SEGMENT_OUTCOME, outcome);
  }

  private FixtureSpan chat(int id, Integer parent, long input, long output, String inputJson, String outputJson,
      int call) {
    FixtureSpan chat = span(id, chatSpanName(model)).kind(SpanKind.CLIENT)
        .attr(GEN_AI_OPERATION_NAME, OP_CHAT).attr(GEN_AI_PROVIDER_NAME, provider)
        .attr(GEN_AI_REQUEST_MODEL, model).attr(GEN_AI_RESPONSE_MODEL, responseModel)
        .attr(GEN_AI_USAGE_INPUT_TOKENS.getKey(), input).attr(GEN_AI_USAGE_OUTPUT_TOKENS.getKey(), output);
    if (finishReasons != null) {
      chat.attr(GEN_AI_RESPONSE_FINISH_REASONS.getKey(), List.of(finishReasons.get(call)));
    }
    if (messages) {
      String reply = finishReasons == null ? outputJson.replaceAll(",\"finish_reason\":\"[a-z_]+\"", "") : outputJson;
      chat.attr(GEN_AI_INPUT_MESSAGES, inputJson).attr(GEN_AI_OUTPUT_MESSAGES, reply);
    }
    if (toolDefinitions) {
      chat.attr(GEN_AI_TOOL_DEFINITIONS, toolDefinitionsJson());
    }
    return parent == null ? chat : chat.parent(parent);
  }
}
