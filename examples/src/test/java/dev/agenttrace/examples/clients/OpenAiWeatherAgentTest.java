package dev.agenttrace.examples.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.stubs.http.HttpFault;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.LlmCall;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.TraceSpan;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.openai.v1_1.OpenAITelemetry;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The openai-java agent against {@link OpenAiStub}, instrumented with OpenTelemetry's openai-java library
 * instrumentation: the SDK's own parser reads every reply, and the trace holds the instrumentation's chat spans
 * with the stub's spans as server-side children, not counted twice.
 */
@AgentTest
class OpenAiWeatherAgentTest {
  private static final UnaryOperator<String> WEATHER = arguments -> "{\"tempC\":18,\"sky\":\"sunny\"}";

  private OpenAiStub openAi;
  private OpenAIClient client;

  @BeforeEach
  void setUp(OpenAiStub openAi, TraceCapture capture) {
    this.openAi = openAi;
    openAi.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    openAi.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny in Paris.");
    OpenAIClient http = OpenAIOkHttpClient.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test")
        .maxRetries(0).timeout(Duration.ofSeconds(5)).build();
    this.client = OpenAITelemetry.builder(capture.openTelemetry()).setCaptureMessageContent(true).build().wrap(http);
  }

  @Test
  void toolCallRoundTrip(Supplier<AgentTrace> trace) {
    String answer = new OpenAiWeatherAgent(client, "gpt-4o-mini", WEATHER).ask("What's the weather in Paris?");

    assertThat(answer).isEqualTo("18°C and sunny in Paris.");
    List<LlmCall> calls = trace.get().llmCalls();
    assertThat(calls).hasSize(2);
    assertThat(calls).extracting(LlmCall::finishReasons)
        .containsExactly(List.of("tool_calls"), List.of("stop"));
    assertThat(serverSpans(trace.get())).hasSize(2).allSatisfy(span -> {
      assertThat(span.data().getKind()).isEqualTo(SpanKind.SERVER);
      assertThat(trace.get().parentOf(span)).get().extracting(TraceSpan::category)
          .isEqualTo(dev.agenttrace.trace.SpanCategory.LLM_CALL);
    });
    assertThat(openAi.requests().get(1).lastMessage().toolResults().get(0).toolName()).isEqualTo("get_weather");
    assertThat(openAi.requestBodies().get(0)).contains("\"name\":\"get_weather\"");
  }

  @Test
  void streamingMergesDeltasAndReportsUsage(Supplier<AgentTrace> trace) {
    openAi.whenLastUserMessageContains("Lyon").replyWithToolCall("get_weather", "{\"city\":\"Lyon\"}")
        .withUsage(40, 7).once();

    String answer = new OpenAiWeatherAgent(client, "gpt-4o-mini", WEATHER).askStreaming("And in Lyon?");

    assertThat(answer).isEqualTo("18°C and sunny in Paris.");
    assertThat(openAi.requests().get(1).messages().get(2).toolCalls().get(0).arguments())
        .isEqualTo("{\"city\":\"Lyon\"}");
    assertThat(openAi.requestBodies().get(0)).contains("\"include_usage\":true");
    assertThat(trace.get().llmCalls()).hasSize(2);
    assertThat(serverSpans(trace.get()).get(0).data().getAttributes()
        .get(SpanConventions.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(40L);
  }

  @Test
  void rateLimitSurfacesAsRateLimitExceptionWithRetryAfter(Supplier<AgentTrace> trace) {
    openAi.whenLastUserMessageContains("Rome").failWith(HttpFault.rateLimit(Duration.ofSeconds(7)));

    assertThatThrownBy(() -> new OpenAiWeatherAgent(client, "gpt-4o-mini", WEATHER).ask("Weather in Rome?"))
        .isInstanceOfSatisfying(RateLimitException.class,
            e -> assertThat(e.headers().values("retry-after")).containsExactly("7"));
    assertThat(serverSpans(trace.get()).get(0).data().getAttributes().get(SpanConventions.ERROR_TYPE))
        .isEqualTo("rate_limit_exceeded");
  }

  @Test
  void serverErrorAndTimeoutSurfaceAsTheClientsExceptions() {
    openAi.whenTurn(1).failWithServerError();
    openAi.whenTurn(2).failWith(HttpFault.timeout(Duration.ofSeconds(5)));
    // the 500 is asked for with the patient client, so a loaded machine cannot turn it into a client timeout
    OpenAIClient patient = OpenAIOkHttpClient.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test")
        .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
    OpenAiWeatherAgent patientAgent = new OpenAiWeatherAgent(patient, "gpt-4o-mini", WEATHER);
    OpenAIClient impatient = OpenAIOkHttpClient.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test")
        .maxRetries(0).timeout(Duration.ofMillis(500)).build();
    OpenAiWeatherAgent impatientAgent = new OpenAiWeatherAgent(impatient, "gpt-4o-mini", WEATHER);

    assertThatThrownBy(() -> patientAgent.ask("Weather in Paris?"))
        .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    assertThatThrownBy(() -> impatientAgent.ask("Weather in Paris?")).isInstanceOf(OpenAIIoException.class);
  }

  @Test
  void malformedToolArgumentsReachTheClientVerbatim() {
    openAi.whenLastUserMessageContains("Oslo").replyWithToolCall("get_weather", "{\"city\": \"Os");

    var message = client.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
        .addUserMessage("Weather in Oslo?").build()).choices().get(0);

    assertThat(message.finishReason().asString()).isEqualTo("tool_calls");
    assertThat(message.message().toolCalls().orElseThrow().get(0).asFunction().function().arguments())
        .isEqualTo("{\"city\": \"Os");
  }

  @Test
  void cutStreamEndsBeforeTheFinish(Supplier<AgentTrace> trace) {
    // uninstrumented client: the openai-java instrumentation 2.31.1-alpha throws OpenAIInvalidDataException
    // ("finish_reason is null") on a cut stream and leaves its chat span open, which AgentTrace reports
    OpenAIClient uninstrumented = OpenAIOkHttpClient.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test")
        .maxRetries(0).build();
    openAi.whenLastUserMessageContains("Nice").failWith(HttpFault.streamCut("It is"));

    StringBuilder text = new StringBuilder();
    List<String> finishReasons;
    try (var chunks = uninstrumented.chat().completions().createStreaming(ChatCompletionCreateParams.builder()
        .model("gpt-4o-mini").addUserMessage("Weather in Nice?").build())) {
      finishReasons = chunks.stream().flatMap(chunk -> chunk.choices().stream())
          .peek(choice -> choice.delta().content().ifPresent(text::append))
          .flatMap(choice -> choice.finishReason().stream()).map(Object::toString).toList();
    }

    assertThat(text).hasToString("It is");
    assertThat(finishReasons).as("no chunk carries a finish reason: the stream was cut").isEmpty();
    assertThat(trace.get().llmCalls()).singleElement()
        .satisfies(call -> assertThat(call.span().data().getAttributes().get(SpanConventions.ERROR_TYPE))
            .isEqualTo("stream_cut"));
  }

  @Test
  void unmatchedRequestIsANotFoundWithTheNearMissReport() {
    assertThatThrownBy(() -> new OpenAiWeatherAgent(client, "gpt-4o-mini", WEATHER).ask("Weather in Tokyo?"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("has no stubbing that matches chat request #1")
        .hasMessageContaining("Weather in Tokyo?");

    List<AssertionError> unmatched = openAi.takeUnmatchedRequests();
    assertThat(unmatched).singleElement().extracting(Throwable::getMessage).asString()
        .contains("LlmStub (openai) has no stubbing that matches chat request #1")
        .contains("✗ last user message contains \"Paris\"")
        .contains("actual: \"Weather in Tokyo?\"")
        .contains("llm.whenLastUserMessageContains(\"Weather in Tokyo?\")");
  }

  private static List<TraceSpan> serverSpans(AgentTrace trace) {
    return trace.spans().stream()
        .filter(span -> Boolean.TRUE.equals(span.data().getAttributes().get(SpanConventions.LLM_SERVER_SIDE)))
        .toList();
  }

}
