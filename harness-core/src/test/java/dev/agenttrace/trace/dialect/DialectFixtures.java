package dev.agenttrace.trace.dialect;

import static dev.agenttrace.trace.dialect.FixtureSpan.span;
import static dev.agenttrace.trace.dialect.WeatherFacts.*;

import dev.agenttrace.trace.dialect.WeatherFacts.Shape;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;

/**
 * The weather agent hand-written in each dialect, from the attribute names its instrumentation documents, with the
 * facts it can carry. Same span ids and times as {@link WeatherFacts#nativeSpans()}.
 */
final class DialectFixtures {
  private DialectFixtures() {}

  /** A dialect's spans and the facts they carry. */
  record Fixture(String dialect, List<SpanData> spans, WeatherFacts facts) {
    @Override
    public String toString() {
      return dialect;
    }
  }

  static List<Fixture> all() {
    return List.of(nativeConventions(), polos(), openInference(), googleAdk(), springAi(), genAiEvents(),
        genAiOperationDetails());
  }

  /** AgentTrace's own conventions: nothing to normalize. */
  static Fixture nativeConventions() {
    return new Fixture("agenttrace", WeatherFacts.all().nativeSpans(), WeatherFacts.all());
  }

  /** The durable runtime of the product brief: segment spans, LLM calls as steps with JSON input and output. */
  static Fixture polos() {
    String tools = "[{\"name\":\"get_weather\",\"description\":\"" + DESCRIPTION + "\",\"parameters\":" + TOOL_SCHEMA
        + "}]";
    String config = "\"agent_config\":{\"provider\":\"openai\",\"model\":\"gpt-4o\",\"system_prompt\":\"" + SYSTEM
        + "\",\"tools\":" + tools + "}";
    String question = "{\"role\":\"user\",\"content\":\"" + QUESTION + "\"}";
    String firstInput = "{\"args\":[],\"kwargs\":{\"messages\":[" + question + "],\"model\":\"gpt-4o\"," + config + "}}";
    String firstOutput = "{\"content\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":7,\"total_tokens\":32},"
        + "\"tool_calls\":[{\"id\":\"" + CALL_ID + "\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
        + "\"arguments\":" + quoted(ARGUMENTS) + "}}],\"model\":\"gpt-4o\",\"stop_reason\":\"tool_calls\"}";
    String secondInput = "{\"args\":[],\"kwargs\":{\"messages\":[" + question + ","
        + "{\"type\":\"function_call\",\"name\":\"get_weather\",\"call_id\":\"" + CALL_ID + "\",\"arguments\":"
        + quoted(ARGUMENTS) + "},{\"type\":\"function_call_output\",\"call_id\":\"" + CALL_ID + "\",\"output\":"
        + quoted(RESULT) + "}],\"model\":\"gpt-4o\"," + config + "}}";
    String secondOutput = "{\"content\":\"" + ANSWER + "\",\"usage\":{\"input_tokens\":38,\"output_tokens\":6},"
        + "\"tool_calls\":[],\"model\":\"gpt-4o\",\"stop_reason\":\"stop\"}";
    List<SpanData> spans = List.of(
        span(AGENT_ID, "agent.weather_agent").scope("polos").time(0, 40)
            .attr("agent.id", AGENT).attr("agent.execution_id", "0f1e2d3c-exec").attr("agent.type", "agent")
            .attr("agent.status", "waiting").event("agent.waiting", 30, Attributes.empty()).data(),
        span(FIRST_CALL_ID, "step.llm_generate:1").scope("polos").parent(AGENT_ID).time(5, 20)
            .attr("step.key", "llm_generate:1").attr("step.input", firstInput).attr("step.output", firstOutput)
            .attr("step.status", "completed").data(),
        span(TOOL_ID, "tool.get_weather").scope("polos").parent(AGENT_ID).time(25, 60)
            .attr("tool.id", "get_weather").attr("tool.execution_id", "5a6b-tool").attr("tool.input", ARGUMENTS)
            .attr("tool.output", RESULT).attr("tool.status", "completed").data(),
        span(RESUMED_ID, "agent.weather_agent").scope("polos").time(70, 100)
            .attr("agent.id", AGENT).attr("agent.execution_id", "0f1e2d3c-exec").attr("agent.type", "agent")
            .attr("agent.previous_span_id", FixtureSpan.spanId(AGENT_ID)).attr("agent.status", "completed")
            .event("agent.resumed", 70, Attributes.empty()).data(),
        span(SECOND_CALL_ID, "step.llm_generate:2").scope("polos").parent(RESUMED_ID).time(75, 95)
            .attr("step.key", "llm_generate:2").attr("step.input", secondInput).attr("step.output", secondOutput)
            .attr("step.status", "completed").data());
    // the runtime records neither wait details (kind, key, tools) nor how a segment resumed (cause, replayed)
    return new Fixture("polos", spans, WeatherFacts.all());
  }

  /** OpenInference: span kinds, flattened messages, token counts, tool.name and input/output values. */
  static Fixture openInference() {
    List<SpanData> spans = List.of(
        span(AGENT_ID, "weather_agent").time(0, 100).attr("openinference.span.kind", "AGENT")
            .attr("agent.name", AGENT).attr("input.value", QUESTION).attr("output.value", ANSWER).data(),
        openInferenceLlm(FIRST_CALL_ID, 5, 20, 25, 7, false),
        span(TOOL_ID, "get_weather").parent(AGENT_ID).time(25, 60).attr("openinference.span.kind", "TOOL")
            .attr("tool.name", "get_weather").attr("tool_call.id", CALL_ID).attr("input.value", ARGUMENTS)
            .attr("output.value", RESULT).data(),
        openInferenceLlm(SECOND_CALL_ID, 75, 95, 38, 6, true));
    // no finish reasons, no response model
    return new Fixture("openinference", spans,
        new WeatherFacts(Shape.ONE_AGENT_SPAN, "gpt-4o", "openai", null, true, true, null));
  }

  private static SpanData openInferenceLlm(int id, long start, long end, long input, long output, boolean second) {
    FixtureSpan llm = span(id, "ChatCompletion").kind(SpanKind.CLIENT).parent(AGENT_ID).time(start, end)
        .attr("openinference.span.kind", "LLM").attr("llm.model_name", "gpt-4o").attr("llm.provider", "openai")
        .attr("llm.system", "openai").attr("llm.token_count.prompt", input).attr("llm.token_count.completion", output)
        .attr("llm.token_count.total", input + output)
        .attr("llm.tools.0.tool.json_schema", "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"description\":\"" + DESCRIPTION + "\",\"parameters\":" + TOOL_SCHEMA + "}}")
        .attr("llm.input_messages.0.message.role", "system").attr("llm.input_messages.0.message.content", SYSTEM)
        .attr("llm.input_messages.1.message.role", "user").attr("llm.input_messages.1.message.content", QUESTION);
    if (!second) {
      return llm.attr("llm.output_messages.0.message.role", "assistant")
          .attr("llm.output_messages.0.message.tool_calls.0.tool_call.id", CALL_ID)
          .attr("llm.output_messages.0.message.tool_calls.0.tool_call.function.name", "get_weather")
          .attr("llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments", ARGUMENTS).data();
    }
    return llm.attr("llm.input_messages.2.message.role", "assistant")
        .attr("llm.input_messages.2.message.tool_calls.0.tool_call.id", CALL_ID)
        .attr("llm.input_messages.2.message.tool_calls.0.tool_call.function.name", "get_weather")
        .attr("llm.input_messages.2.message.tool_calls.0.tool_call.function.arguments", ARGUMENTS)
        .attr("llm.input_messages.3.message.role", "tool").attr("llm.input_messages.3.message.tool_call_id", CALL_ID)
        .attr("llm.input_messages.3.message.content", RESULT)
        .attr("llm.output_messages.0.message.role", "assistant")
        .attr("llm.output_messages.0.message.content", ANSWER).data();
  }

  /** Google ADK (Java): call_llm with Gemini request/response JSON, execute_tool with gen_ai.tool_call.id. */
  static Fixture googleAdk() {
    String config = "\"config\":{\"systemInstruction\":\"" + SYSTEM + "\",\"tools\":[{\"functionDeclarations\":"
        + "[{\"name\":\"get_weather\",\"description\":\"" + DESCRIPTION + "\",\"parameters\":" + TOOL_SCHEMA + "}]}]}";
    String question = "{\"role\":\"user\",\"parts\":[{\"text\":\"" + QUESTION + "\"}]}";
    String call = "{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"id\":\"" + CALL_ID
        + "\",\"name\":\"get_weather\",\"args\":" + ARGUMENTS + "}}]}";
    String response = "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"id\":\"" + CALL_ID
        + "\",\"name\":\"get_weather\",\"response\":" + RESULT + "}}]}";
    List<SpanData> spans = List.of(
        span(AGENT_ID, "invoke_agent weather_agent").scope("gcp.vertex.agent").time(0, 100)
            .attr("gen_ai.operation.name", "invoke_agent").attr("gen_ai.agent.name", AGENT)
            .attr("gen_ai.system", "gcp.vertex.agent").attr("gen_ai.conversation.id", "session-1").data(),
        adkLlm(FIRST_CALL_ID, 5, 20, 25, 7, "STOP",
            "{\"model\":\"gemini-2.0-flash\",\"contents\":[" + question + "]," + config + "}",
            "{\"content\":" + call + ",\"finishReason\":\"STOP\",\"usageMetadata\":{\"promptTokenCount\":25,"
                + "\"candidatesTokenCount\":7}}"),
        span(TOOL_ID, "execute_tool get_weather").scope("gcp.vertex.agent").parent(AGENT_ID).time(25, 60)
            .attr("gen_ai.operation.name", "execute_tool").attr("gen_ai.system", "gcp.vertex.agent")
            .attr("gen_ai.tool.name", "get_weather").attr("gen_ai.tool.type", "FunctionTool")
            .attr("gen_ai.tool_call.id", CALL_ID).attr("gcp.vertex.agent.tool_call_args", ARGUMENTS)
            .attr("gcp.vertex.agent.tool_response", RESULT).data(),
        adkLlm(SECOND_CALL_ID, 75, 95, 38, 6, "STOP",
            "{\"model\":\"gemini-2.0-flash\",\"contents\":[" + question + "," + call + "," + response + "]," + config
                + "}",
            "{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"" + ANSWER + "\"}]},\"finishReason\":\"STOP\","
                + "\"usageMetadata\":{\"promptTokenCount\":38,\"candidatesTokenCount\":6}}"));
    // Gemini reports STOP for a function call too; ADK names no provider (gen_ai.system is the framework) and no
    // response model
    return new Fixture("google_adk", spans,
        new WeatherFacts(Shape.ONE_AGENT_SPAN, "gemini-2.0-flash", null, null, true, true, List.of("stop", "stop")));
  }

  private static SpanData adkLlm(int id, long start, long end, long input, long output, String finish,
      String request, String response) {
    return span(id, "call_llm").scope("gcp.vertex.agent").parent(AGENT_ID).time(start, end)
        .attr("gen_ai.system", "gcp.vertex.agent").attr("gen_ai.request.model", "gemini-2.0-flash")
        .attr("gen_ai.usage.input_tokens", input).attr("gen_ai.usage.output_tokens", output)
        .attr("gen_ai.response.finish_reasons", List.of(finish.toLowerCase(java.util.Locale.ROOT)))
        .attr("gcp.vertex.agent.llm_request", request).attr("gcp.vertex.agent.llm_response", response).data();
  }

  /**
   * Spring AI (1.1): chat model observations with gen_ai.system, tool observations with spring.ai.tool.* and Spring
   * AI's own operation name {@code framework}.
   */
  static Fixture springAi() {
    List<SpanData> spans = List.of(
        springChat(FIRST_CALL_ID, 5, 20, 25, 7, "tool_calls"),
        span(TOOL_ID, "tool_call get_weather").time(25, 60).attr("gen_ai.operation.name", "framework")
            .attr("gen_ai.system", "spring_ai").attr("spring.ai.kind", "tool_call")
            .attr("spring.ai.tool.definition.name", "get_weather")
            .attr("spring.ai.tool.definition.description", DESCRIPTION)
            .attr("spring.ai.tool.call.arguments", ARGUMENTS).attr("spring.ai.tool.call.result", RESULT).data(),
        springChat(SECOND_CALL_ID, 75, 95, 38, 6, "stop"));
    // messages are logged by Spring AI, not put on spans; a ChatModel call has no agent span
    return new Fixture("spring_ai", spans,
        new WeatherFacts(Shape.NO_AGENT_SPAN, "gpt-4o", "openai", "gpt-4o", false, false,
            List.of("tool_call", "stop")));
  }

  private static SpanData springChat(int id, long start, long end, long input, long output, String finish) {
    return span(id, "chat gpt-4o").kind(SpanKind.CLIENT).time(start, end).attr("gen_ai.operation.name", "chat")
        .attr("gen_ai.system", "openai").attr("gen_ai.request.model", "gpt-4o").attr("gen_ai.response.model", "gpt-4o")
        .attr("gen_ai.response.finish_reasons", List.of(finish))
        // Micrometer's bridge records every key value as text
        .attr("gen_ai.usage.input_tokens", Long.toString(input)).attr("gen_ai.usage.output_tokens", Long.toString(output))
        .attr("gen_ai.usage.total_tokens", Long.toString(input + output))
        .attr("spring.ai.model.request.tool.names", List.of("get_weather")).data();
  }

  /** GenAI conventions before 1.37: messages as span events, gen_ai.system, prompt/completion token counts. */
  static Fixture genAiEvents() {
    String toolCalls = "[{\"id\":\"" + CALL_ID + "\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
        + "\"arguments\":" + quoted(ARGUMENTS) + "}}]";
    List<SpanData> spans = List.of(
        span(AGENT_ID, "invoke_agent weather_agent").time(0, 100).attr("gen_ai.operation.name", "invoke_agent")
            .attr("gen_ai.agent.name", AGENT).attr("gen_ai.system", "openai").data(),
        legacyChat(FIRST_CALL_ID, 5, 20, 25, 7)
            .event("gen_ai.choice", 19, Attributes.builder().put("index", 0L).put("finish_reason", "tool_calls")
                .put("message", "{\"role\":\"assistant\",\"tool_calls\":" + toolCalls + "}").build()).data(),
        span(TOOL_ID, "execute_tool get_weather").parent(AGENT_ID).time(25, 60)
            .attr("gen_ai.operation.name", "execute_tool").attr("gen_ai.system", "openai")
            .attr("gen_ai.tool.name", "get_weather").attr("gen_ai.tool.call.id", CALL_ID).data(),
        legacyChat(SECOND_CALL_ID, 75, 95, 38, 6)
            .event("gen_ai.assistant.message", 75, Attributes.builder().put("tool_calls", toolCalls).build())
            .event("gen_ai.tool.message", 75, Attributes.builder().put("id", CALL_ID).put("content", RESULT).build())
            .event("gen_ai.choice", 94, Attributes.builder().put("index", 0L).put("finish_reason", "stop")
                .put("message", "{\"role\":\"assistant\",\"content\":\"" + ANSWER + "\"}").build()).data());
    // the tool span records neither arguments nor result: they come from the calls' tool_call and tool message;
    // tool definitions were not recorded in this flavour
    return new Fixture("gen_ai (events)", spans,
        new WeatherFacts(Shape.ONE_AGENT_SPAN, "gpt-4o", "openai", "gpt-4o", true, false,
            List.of("tool_call", "stop")));
  }

  private static FixtureSpan legacyChat(int id, long start, long end, long input, long output) {
    return span(id, "chat gpt-4o").kind(SpanKind.CLIENT).parent(AGENT_ID).time(start, end)
        .attr("gen_ai.operation.name", "chat").attr("gen_ai.system", "openai").attr("gen_ai.request.model", "gpt-4o")
        .attr("gen_ai.response.model", "gpt-4o").attr("gen_ai.usage.prompt_tokens", input)
        .attr("gen_ai.usage.completion_tokens", output)
        .event("gen_ai.system.message", start, Attributes.builder().put("content", SYSTEM).build())
        .event("gen_ai.user.message", start, Attributes.builder().put("content", QUESTION).build());
  }

  /** GenAI conventions 1.37+: messages on the operation-details event, an agent span without durable segments. */
  static Fixture genAiOperationDetails() {
    List<SpanData> spans = List.of(
        span(AGENT_ID, "invoke_agent weather_agent").time(0, 100).attr("gen_ai.operation.name", "invoke_agent")
            .attr("gen_ai.provider.name", "openai").attr("gen_ai.agent.name", AGENT).data(),
        detailsChat(FIRST_CALL_ID, 5, 20, 25, 7, "tool_call", firstInput(), firstOutput()),
        span(TOOL_ID, "execute_tool get_weather").parent(AGENT_ID).time(25, 60)
            .attr("gen_ai.operation.name", "execute_tool").attr("gen_ai.tool.name", "get_weather")
            .attr("gen_ai.tool.call.id", CALL_ID).attr("gen_ai.tool.call.arguments", ARGUMENTS)
            .attr("gen_ai.tool.call.result", RESULT).data(),
        detailsChat(SECOND_CALL_ID, 75, 95, 38, 6, "stop", secondInput(), secondOutput()));
    return new Fixture("gen_ai (operation details event)", spans,
        new WeatherFacts(Shape.ONE_AGENT_SPAN, "gpt-4o", "openai", "gpt-4o", true, true,
            List.of("tool_call", "stop")));
  }

  private static SpanData detailsChat(int id, long start, long end, long input, long output, String finish,
      String inputMessages, String outputMessages) {
    return span(id, "chat gpt-4o").kind(SpanKind.CLIENT).parent(AGENT_ID).time(start, end)
        .attr("gen_ai.operation.name", "chat").attr("gen_ai.provider.name", "openai")
        .attr("gen_ai.request.model", "gpt-4o").attr("gen_ai.response.model", "gpt-4o")
        .attr("gen_ai.response.finish_reasons", List.of(finish)).attr("gen_ai.usage.input_tokens", input)
        .attr("gen_ai.usage.output_tokens", output)
        .event("gen_ai.client.inference.operation.details", end, Attributes.builder()
            .put("gen_ai.input.messages", inputMessages).put("gen_ai.output.messages", outputMessages)
            .put("gen_ai.tool.definitions", toolDefinitionsJson()).build()).data();
  }

  /** {@code text} as a JSON string literal. */
  static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
