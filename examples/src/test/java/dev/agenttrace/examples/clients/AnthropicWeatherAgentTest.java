package dev.agenttrace.examples.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.SseException;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.stubs.anthropic.AnthropicStub;
import dev.agenttrace.stubs.http.HttpFault;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.LlmCall;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The anthropic-java agent against {@link AnthropicStub}: the SDK parses the stub's messages and named-event
 * streams; the client is not instrumented, so the stub's own {@code chat} spans are the trace's LLM calls.
 */
@AgentTest
class AnthropicWeatherAgentTest {
  private static final UnaryOperator<String> WEATHER = input -> "{\"tempC\":18,\"sky\":\"sunny\"}";
  private static final String MODEL = "claude-sonnet-4-5";

  private AnthropicStub anthropic;
  private AnthropicWeatherAgent agent;

  @BeforeEach
  void setUp(AnthropicStub anthropic) {
    this.anthropic = anthropic;
    anthropic.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}")
        .withUsage(50, 20);
    anthropic.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny in Paris.");
    AnthropicClient client = AnthropicOkHttpClient.builder().baseUrl(anthropic.baseUrl()).apiKey("sk-ant-test")
        .maxRetries(0).timeout(Duration.ofSeconds(5)).build();
    this.agent = new AnthropicWeatherAgent(client, MODEL, WEATHER);
  }

  @Test
  void toolUseRoundTrip(Supplier<AgentTrace> trace) {
    assertThat(agent.ask("What's the weather in Paris?")).isEqualTo("18°C and sunny in Paris.");

    List<LlmCall> calls = trace.get().llmCalls();
    assertThat(calls).extracting(LlmCall::finishReasons).containsExactly(List.of("tool_call"), List.of("stop"));
    assertThat(calls.get(0).usage()).isEqualTo(Usage.of(50, 20));
    assertThat(calls.get(0).requestedToolCalls()).singleElement()
        .satisfies(call -> assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}"));
    assertThat(anthropic.requests().get(1).lastMessage().toolResults()).singleElement()
        .satisfies(result -> assertThat(result.content()).contains("sunny"));
    assertThat(anthropic.requests().get(0).messages().get(0).text()).isEqualTo("You are a weather assistant.");
  }

  @Test
  void streamingWithNamedEvents(Supplier<AgentTrace> trace) {
    assertThat(agent.askStreaming("What's the weather in Paris?")).isEqualTo("18°C and sunny in Paris.");

    assertThat(anthropic.requestBodies()).allSatisfy(body -> assertThat(body).contains("\"stream\":true"));
    assertThat(anthropic.requests().get(1).messages().get(2).toolCalls()).singleElement()
        .satisfies(call -> assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}"));
    assertThat(trace.get().llmCalls()).hasSize(2);
  }

  @Test
  void rateLimitAndStreamErrorSurfaceAsTheSdksExceptions() {
    anthropic.whenTurn(1).failWith(HttpFault.rateLimit(Duration.ofSeconds(3)));
    anthropic.whenTurn(2).failWith(HttpFault.streamError("Let me"));

    assertThatThrownBy(() -> agent.ask("What's the weather in Paris?"))
        .isInstanceOfSatisfying(RateLimitException.class,
            e -> assertThat(e.headers().values("retry-after")).containsExactly("3"));
    assertThatThrownBy(() -> agent.askStreaming("What's the weather in Paris?"))
        .isInstanceOfAny(SseException.class, AnthropicServiceException.class)
        .hasMessageContaining("overloaded_error");
  }
}
