package dev.agenttrace.langchain4j;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SpanCategory;
import dev.agenttrace.trace.ToolInvocation;
import dev.agenttrace.trace.TraceSpan;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A LangChain4j AI service with a {@code @Tool}, on the real OpenAI module against {@link OpenAiStub}. */
@AgentTest
class LangChain4jTracingTest {
  private OpenAiStub openAi;

  @BeforeEach
  void stubParis(OpenAiStub openAi) {
    this.openAi = openAi;
    openAi.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    openAi.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny in Paris.");
  }

  private ChatModel model() {
    return OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test").modelName("gpt-4o")
        .maxRetries(0).build();
  }

  @Test
  void anAiServiceCallIsAnAgentSpanWithItsLlmCallsAndToolCall(LangChain4jTracing tracing,
      Supplier<AgentTrace> trace) {
    WeatherAssistant assistant = tracing.aiService(WeatherAssistant.class, model())
        .tools(new WeatherTools(false)).build();

    Assertions.assertThat(assistant.ask("What's the weather in Paris?")).isEqualTo("18°C and sunny in Paris.");

    AgentTrace spans = trace.get();
    assertThat(spans)
        .hasSegmentCount(1)
        .hasLlmCallCount(2)
        .hasToolCallCount(1)
        .hasNoErrors()
        .calledTool("get_weather").hasArguments("{\"city\": \"Paris\"}").hasResult("{\"sky\":\"sunny\",\"tempC\":18}");
    assertThat(spans).llmCall(0).hasModel("gpt-4o").hasFinishReason(FinishReason.TOOL_CALL)
        .requestedTool("get_weather");
    assertThat(spans).llmCall(1).hasFinishReason(FinishReason.STOP).hasOutputText("18°C and sunny in Paris.");

    TraceSpan agent = spans.segments().get(0).span();
    Assertions.assertThat(agent.name()).isEqualTo("invoke_agent WeatherAssistant");
    Assertions.assertThat(spans.roots()).containsExactly(agent);
    Assertions.assertThat(spans.spans()).filteredOn(span -> span.category() != SpanCategory.AGENT_SEGMENT)
        .filteredOn(span -> !span.parentSpanId().orElse("").isEmpty())
        .allSatisfy(span -> Assertions.assertThat(spans.parentOf(span).orElseThrow().category())
            .isIn(SpanCategory.AGENT_SEGMENT, SpanCategory.LLM_CALL));
    ToolInvocation tool = spans.toolInvocations().get(0);
    Assertions.assertThat(spans.parentOf(tool.span()).orElseThrow()).isEqualTo(agent);
    Assertions.assertThat(tool.callId()).isEqualTo(
        spans.llmCalls().get(0).requestedToolCalls().stream().map(call -> call.id()).findFirst());
    Usage total = spans.totalUsage();
    Assertions.assertThat(total.inputTokens()).isPositive();
    Assertions.assertThat(spans.segments().get(0).usage()).isEqualTo(total);
  }

  @Test
  void theStubCountsAnLlmCallTheFrameworkAlreadyTracesOnce(LangChain4jTracing tracing, Supplier<AgentTrace> trace) {
    tracing.aiService(WeatherAssistant.class, model()).tools(new WeatherTools(false)).build()
        .ask("What's the weather in Paris?");

    Assertions.assertThat(openAi.requests()).hasSize(2);
    Assertions.assertThat(trace.get().llmCalls()).hasSize(2)
        .allSatisfy(call -> Assertions.assertThat(call.span().attributes().asMap().toString())
            .doesNotContain("agenttrace.stub.server"));
  }

  @Test
  void aToolThatThrowsIsAToolErrorAndTheModelIsToldItsMessage(LangChain4jTracing tracing,
      Supplier<AgentTrace> trace) {
    openAi.whenLastMessageIsToolResult("get_weather").replyWithText("The weather service is down.");
    WeatherAssistant assistant = tracing.aiService(WeatherAssistant.class, model())
        .tools(new WeatherTools(true)).build();

    Assertions.assertThat(assistant.ask("What's the weather in Paris?")).isNotBlank();

    assertThat(trace.get()).errors().hasSize(1);
    assertThat(trace.get()).calledTool("get_weather").hasResult("weather service unavailable for Paris");
    Assertions.assertThat(trace.get().errors().get(0).type()).isEqualTo(IllegalStateException.class.getName());
    Assertions.assertThat(openAi.requests().get(1).messages()).last()
        .satisfies(message -> Assertions.assertThat(message.text() + message.toolResults())
            .contains("weather service unavailable for Paris"));
  }

  @Test
  void aModelErrorFailsTheChatSpanAndTheAgentSpan(LangChain4jTracing tracing, Supplier<AgentTrace> trace) {
    openAi.whenAnyRequest().failWithRateLimit();
    WeatherAssistant assistant = tracing.aiService(WeatherAssistant.class, model()).build();

    assertThatThrownBy(() -> assistant.ask("What's the weather in Rome?")).isInstanceOf(RateLimitException.class);

    AgentTrace spans = trace.get();
    Assertions.assertThat(spans.llmCalls()).singleElement()
        .satisfies(call -> Assertions.assertThat(call.span().isError()).isTrue());
    Assertions.assertThat(spans.segments()).singleElement()
        .satisfies(segment -> Assertions.assertThat(segment.span().isError()).isTrue());
    Assertions.assertThat(spans.unfinishedSpans()).isEmpty();
  }

  @Test
  void aModelBuiltWithTheListenerIsTracedWithoutAnAiService(LangChain4jTracing tracing, Supplier<AgentTrace> trace) {
    ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test").modelName("gpt-4o")
        .listeners(List.of(tracing.chatModelListener())).build();

    model.chat("What's the weather in Paris?");

    Assertions.assertThat(trace.get().llmCalls()).singleElement()
        .satisfies(call -> Assertions.assertThat(call.finishReason()).contains(FinishReason.TOOL_CALL))
        .satisfies(call -> Assertions.assertThat(call.provider()).contains("openai"));
  }

  @Test
  void aStreamedCallEndsItsSpanWhenTheStreamCompletes(LangChain4jTracing tracing, Supplier<AgentTrace> trace) {
    var model = tracing.streamingChatModel(OpenAiStreamingChatModel.builder().baseUrl(openAi.baseUrl())
        .apiKey("sk-test").modelName("gpt-4o").build());
    CompletableFuture<dev.langchain4j.model.chat.response.ChatResponse> done = new CompletableFuture<>();

    model.chat("What's the weather in Paris?", new StreamingHandler(done));
    done.join();

    Assertions.assertThat(trace.get().llmCalls()).singleElement()
        .satisfies(call -> Assertions.assertThat(call.requestedToolCalls()).extracting(tool -> tool.name())
            .containsExactly("get_weather"));
    Assertions.assertThat(trace.get().unfinishedSpans()).isEmpty();
  }

  @Test
  void theAgentNameIsTheServiceInterfacesSimpleName() {
    Assertions.assertThat(AiServiceSpans.serviceName("com.acme.Outer$WeatherAssistant")).isEqualTo("WeatherAssistant");
    Assertions.assertThat(AiServiceSpans.serviceName("WeatherAssistant")).isEqualTo("WeatherAssistant");
    Assertions.assertThat(AiServiceSpans.serviceName(null)).isEqualTo("ai_service");
  }
}
