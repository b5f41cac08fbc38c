package dev.agenttrace.springai;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Role;
import dev.agenttrace.llm.ToolResult;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.stubs.http.HttpFault;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.LlmCall;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.SpanCategory;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.ToolInvocation;
import dev.agenttrace.trace.TraceSpan;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.support.ToolCallbacks;

/**
 * Spring AI's observations, through the injected {@link SpringAiTracing}, are the test's trace: a {@code ChatClient}
 * call is an agent segment holding its LLM calls and the tool calls between them, linked by tool call id, with each
 * call's own usage; the {@link OpenAiStub}, observing the same calls, adds server-side spans that are not counted.
 */
@AgentTest
class SpringAiTracingTest {
  private static final String PARIS = "What's the weather in Paris?";

  @Test
  void aChatClientCallIsAnAgentSegmentWithItsLlmCallsAndTheToolBetween(SpringAiTracing tracing, OpenAiStub openAi,
      Supplier<AgentTrace> trace) {
    SpringAiWeather.script(openAi, "Paris", "18°C and sunny in Paris.");
    WeatherTools tools = new WeatherTools();

    String answer = SpringAiWeather.client(openAi, tracing, tools).prompt().user(PARIS).call().content();

    assertThat(answer).isEqualTo("18°C and sunny in Paris.");
    assertThat(tools.cities()).containsExactly("Paris");
    AgentTrace spans = trace.get();
    assertThat(spans)
        .hasSegmentCount(1)
        .hasSegmentOutcomes(SegmentOutcome.COMPLETED)
        .hasLlmCallCount(2)
        .hasNoErrors()
        .calledTool("get_weather").hasArguments("{\"city\":\"Paris\"}").hasResult("{\"tempC\":18,\"sky\":\"sunny\"}");
    assertThat(spans.segments().get(0).agentName()).isEqualTo("WeatherAgent");
    assertThat(spans.segments().get(0).llmCalls()).hasSize(2);
    assertThat(spans.segments().get(0).toolInvocations()).hasSize(1);

    LlmCall first = spans.llmCalls().get(0);
    assertThat(first.provider()).contains("openai");
    assertThat(first.model()).isEqualTo("gpt-4o");
    assertThat(first.finishReason()).contains(FinishReason.TOOL_CALL);
    assertThat(first.inputMessages()).extracting(message -> message.role()).containsExactly(Role.SYSTEM, Role.USER);
    assertThat(first.inputMessages().get(0).text()).isEqualTo(SpringAiWeather.SYSTEM);
    assertThat(first.toolDefinitions()).singleElement()
        .satisfies(tool -> assertThat(tool.name()).isEqualTo("get_weather"))
        .satisfies(tool -> assertThat(tool.description()).isEqualTo("Current weather conditions for a city"))
        .satisfies(tool -> assertThat(tool.parametersSchema()).contains("\"city\""));
    ToolInvocation tool = spans.toolInvocations().get(0);
    assertThat(tool.callId()).isNotEmpty().contains(first.requestedToolCalls().get(0).id());

    LlmCall second = spans.llmCalls().get(1);
    assertThat(second.finishReason()).contains(FinishReason.STOP);
    assertThat(second.outputText()).isEqualTo("18°C and sunny in Paris.");
    assertThat(second.inputMessages()).extracting(message -> message.role())
        .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL);
    ToolResult result = second.inputMessages().get(3).toolResults().get(0);
    assertThat(result.callId()).isEqualTo(tool.callId().orElseThrow());
    assertThat(result.content()).isEqualTo("{\"tempC\":18,\"sky\":\"sunny\"}");
  }

  @Test
  void whereTheStubAlsoObservesTheCallsEachIsCountedOnceWithItsOwnUsage(SpringAiTracing tracing, OpenAiStub openAi,
      Supplier<AgentTrace> trace) {
    SpringAiWeather.script(openAi, "Paris", "18°C and sunny in Paris.");

    SpringAiWeather.client(openAi, tracing, new WeatherTools()).prompt().user(PARIS).call().content();

    AgentTrace spans = trace.get();
    List<TraceSpan> stubSpans = stubSpans(spans);
    assertThat(spans.llmCalls()).hasSize(2);
    assertThat(stubSpans).hasSize(2);
    for (int i = 0; i < 2; i++) {
      TraceSpan stubSpan = stubSpans.get(i);
      LlmCall call = spans.llmCalls().get(i);
      assertThat(stubSpan.data().getKind()).isEqualTo(SpanKind.SERVER);
      assertThat(spans.parentOf(stubSpan)).get().extracting(TraceSpan::spanId).isEqualTo(call.span().spanId());
    }
    // Spring AI reports the second call's usage summed over its tool loop; each span has the call's own, as served
    assertThat(spans.llmCalls()).extracting(LlmCall::usage).containsExactlyElementsOf(servedUsage(spans));
    assertThat(spans.llmCalls().get(1).usage().inputTokens()).isPositive();
    assertThat(spans.segments().get(0).usage()).isEqualTo(spans.totalUsage())
        .isEqualTo(spans.llmCalls().get(0).usage().plus(spans.llmCalls().get(1).usage()));
  }

  @Test
  void aFailingToolIsAToolErrorWhileTheModelStillGetsItsMessage(SpringAiTracing tracing, OpenAiStub openAi,
      Supplier<AgentTrace> trace) {
    SpringAiWeather.script(openAi, "Atlantis", "I could not get the weather for Atlantis.");

    String answer = SpringAiWeather.client(openAi, tracing, new WeatherTools()).prompt()
        .user("What's the weather in Atlantis?").call().content();

    assertThat(answer).isEqualTo("I could not get the weather for Atlantis.");
    assertThat(openAi.requests().get(1).lastMessage().toolResults().get(0).content())
        .contains("weather service unreachable for Atlantis");
    AgentTrace spans = trace.get();
    assertThat(spans).calledTool("get_weather").hasArguments("{\"city\":\"Atlantis\"}")
        .failedWith("java.lang.IllegalStateException")
        .hasResultContaining("weather service unreachable for Atlantis");
    assertThat(spans.errors()).singleElement().satisfies(error -> {
      assertThat(error.span().name()).isEqualTo("execute_tool get_weather");
      assertThat(error.message()).isEqualTo("weather service unreachable for Atlantis");
    });
    assertThat(spans).hasSegmentOutcomes(SegmentOutcome.COMPLETED);
  }

  @Test
  void aFailingLlmCallFailsItsChatSpanAndTheAgent(SpringAiTracing tracing, OpenAiStub openAi,
      Supplier<AgentTrace> trace) {
    openAi.whenLastUserMessageContains("Rome").failWith(HttpFault.rateLimit(java.time.Duration.ofSeconds(3)));
    ChatClient client = SpringAiWeather.client(openAi, tracing, new WeatherTools());

    assertThatThrownBy(() -> client.prompt().user("Weather in Rome?").call().content())
        .isInstanceOf(NonTransientAiException.class);

    AgentTrace spans = trace.get();
    assertThat(spans).hasSegmentOutcomes(SegmentOutcome.FAILED);
    assertThat(spans.llmCalls()).singleElement().satisfies(call ->
        assertThat(call.span().data().getAttributes().get(SpanConventions.ERROR_TYPE))
            .isEqualTo(NonTransientAiException.class.getName()));
    assertThat(spans.errors()).extracting(error -> error.span().category())
        .contains(SpanCategory.LLM_CALL, SpanCategory.AGENT_SEGMENT);
    assertThat(spans.toolInvocations()).isEmpty();
  }

  @Test
  void aChatModelCalledDirectlyLinksItsToolCallsToo(SpringAiTracing tracing, OpenAiStub openAi,
      Supplier<AgentTrace> trace) {
    SpringAiWeather.script(openAi, "Lyon", "12°C and cloudy in Lyon.");
    Prompt prompt = new Prompt(List.of(new UserMessage("What's the weather in Lyon?")),
        OpenAiChatOptions.builder().toolCallbacks(ToolCallbacks.from(new WeatherTools())).build());

    String answer = SpringAiWeather.model(openAi, tracing).call(prompt).getResult().getOutput().getText();

    assertThat(answer).isEqualTo("12°C and cloudy in Lyon.");
    AgentTrace spans = trace.get();
    assertThat(spans).hasSegmentCount(0).hasLlmCallCount(2).hasNoErrors();
    assertThat(spans.toolInvocations()).singleElement().satisfies(tool -> {
      assertThat(tool.callId()).contains(spans.llmCalls().get(0).requestedToolCalls().get(0).id());
      assertThat(tool.result()).contains("{\"tempC\":12,\"sky\":\"cloudy\"}");
    });
    assertThat(spans.llmCalls()).extracting(LlmCall::usage).containsExactlyElementsOf(servedUsage(spans));
  }

  /** The usage the stub served, call by call: its server-side spans' usage. */
  private static List<Usage> servedUsage(AgentTrace trace) {
    return stubSpans(trace).stream().map(span -> Usage.of(
        span.data().getAttributes().get(SpanConventions.GEN_AI_USAGE_INPUT_TOKENS),
        span.data().getAttributes().get(SpanConventions.GEN_AI_USAGE_OUTPUT_TOKENS))).toList();
  }

  private static List<TraceSpan> stubSpans(AgentTrace trace) {
    return trace.spans().stream()
        .filter(span -> Boolean.TRUE.equals(span.data().getAttributes().get(SpanConventions.LLM_SERVER_SIDE)))
        .toList();
  }
}
