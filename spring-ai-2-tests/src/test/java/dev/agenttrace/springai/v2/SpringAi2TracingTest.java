package dev.agenttrace.springai.v2;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.springai.SpringAiTracing;
import dev.agenttrace.stubs.AgentStubs;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.LlmCall;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.SpanConventions;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * agenttrace-spring-ai, built against Spring AI 1.1, on Spring AI 2.0 (whose OpenAI model runs on openai-java): the
 * injected {@link SpringAiTracing} traces a {@code ChatClient} call with its tool round as on 1.1.
 */
@AgentTest
class SpringAi2TracingTest {
  private ChatClient chat;

  @BeforeEach
  void setUp(SpringAiTracing tracing, OpenAiStub openAi) {
    for (String city : List.of("Paris", "Atlantis")) {
      openAi.whenLastUserMessageContains(city).replyWithToolCall("get_weather", "{\"city\":\"" + city + "\"}");
      openAi.whenLastMessageIsToolResult("get_weather").and(AgentStubs.lastUserMessageContains(city))
          .replyWithText("Done with " + city + ".");
    }
    OpenAiChatModel model = OpenAiChatModel.builder()
        .options(OpenAiChatOptions.builder().model("gpt-4o").baseUrl(openAi.baseUrl()).apiKey("sk-test").maxRetries(0)
            .build())
        .observationRegistry(tracing.observationRegistry())
        .toolCallingManager(tracing.toolCallingManager())
        .build();
    chat = tracing.chatClientBuilder(model).defaultTools(new WeatherTools())
        .defaultAdvisors(advisors -> advisors.param(SpringAiTracing.AGENT_NAME, "WeatherAgent")).build();
  }

  @Test
  void aChatClientCallWithOneToolRound(Supplier<AgentTrace> trace) {
    assertThat(chat.prompt().user("What's the weather in Paris?").call().content()).isEqualTo("Done with Paris.");

    AgentTrace spans = trace.get();
    assertThat(spans).hasSegmentCount(1).hasSegmentOutcomes(SegmentOutcome.COMPLETED).hasLlmCallCount(2).hasNoErrors()
        .calledTool("get_weather").hasArguments("{\"city\":\"Paris\"}").hasResult("{\"tempC\":18,\"sky\":\"sunny\"}");
    assertThat(spans.segments().get(0).agentName()).isEqualTo("WeatherAgent");
    assertThat(spans.toolInvocations().get(0).callId())
        .contains(spans.llmCalls().get(0).requestedToolCalls().get(0).id());
    List<Usage> served = spans.spans().stream()
        .filter(span -> Boolean.TRUE.equals(span.data().getAttributes().get(SpanConventions.LLM_SERVER_SIDE)))
        .map(span -> Usage.of(span.data().getAttributes().get(SpanConventions.GEN_AI_USAGE_INPUT_TOKENS),
            span.data().getAttributes().get(SpanConventions.GEN_AI_USAGE_OUTPUT_TOKENS)))
        .toList();
    assertThat(spans.llmCalls()).extracting(LlmCall::usage).hasSize(2).containsExactlyElementsOf(served);
  }

  @Test
  void aFailingToolIsAToolError(Supplier<AgentTrace> trace) {
    assertThat(chat.prompt().user("What's the weather in Atlantis?").call().content()).isEqualTo("Done with Atlantis.");

    assertThat(trace.get()).calledTool("get_weather").failedWith("java.lang.IllegalStateException");
  }
}
