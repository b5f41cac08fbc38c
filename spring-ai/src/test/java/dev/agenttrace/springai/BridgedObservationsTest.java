package dev.agenttrace.springai;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SpanConventions;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.tool.observation.ToolCallingContentObservationFilter;

/**
 * The other way Spring AI spans arrive — the way a production application exports them: Spring AI's own observations
 * bridged to OpenTelemetry by Micrometer Tracing ({@code micrometer-tracing-bridge-otel}), with no AgentTrace handler.
 * The built-in {@code spring_ai} dialect classifies them, so the same assertions hold.
 */
@AgentTest
class BridgedObservationsTest {
  @Test
  void springAiSpansBridgedToOpenTelemetryClassifyThroughTheSpringAiDialect(TraceCapture capture) {
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig()
        .observationHandler(new DefaultTracingObservationHandler(new OtelTracer(
            capture.openTelemetry().getTracer("spring-ai"), new OtelCurrentTraceContext(), event -> { })))
        // Spring AI's opt-in content of tool spans (spring.ai.tools.observations.include-content in Spring Boot)
        .observationFilter(new ToolCallingContentObservationFilter());
    // a stub that records nothing itself: the trace holds only what the bridge exported
    try (OpenAiStub openAi = OpenAiStub.create().start()) {
      SpringAiWeather.script(openAi, "Paris", "18°C and sunny in Paris.");
      OpenAiChatModel model = OpenAiChatModel.builder()
          .openAiApi(OpenAiApi.builder().baseUrl(openAi.baseUrl()).completionsPath("/chat/completions")
              .apiKey("sk-test").build())
          .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o").build())
          .observationRegistry(registry)
          .toolCallingManager(DefaultToolCallingManager.builder().observationRegistry(registry).build())
          .build();

      String answer = ChatClient.builder(model, registry, null, null).build().prompt()
          .user("What's the weather in Paris?").tools(new WeatherTools()).call().content();

      assertThat(answer).isEqualTo("18°C and sunny in Paris.");
    }
    AgentTrace trace = capture.trace();
    assertThat(trace).hasLlmCallCount(2)
        .calledTool("get_weather").hasArguments("{\"city\":\"Paris\"}").hasResult("{\"tempC\":18,\"sky\":\"sunny\"}");
    assertThat(trace.toolInvocations()).singleElement().satisfies(tool -> {
      assertThat(tool.span().data().getAttributes().get(SpanConventions.DIALECT)).isEqualTo("spring_ai");
      assertThat(tool.span().data().getInstrumentationScopeInfo().getName()).isEqualTo("spring-ai");
    });
    assertThat(trace.llmCalls()).allSatisfy(call -> {
      assertThat(call.provider()).contains("openai");
      assertThat(call.usage().inputTokens()).as("token counts the bridge recorded as text").isPositive();
    });
    assertThat(trace.segments()).singleElement().satisfies(agent -> {
      assertThat(agent.agentName()).isEqualTo("ChatClient");
      assertThat(agent.llmCalls()).hasSize(2);
      assertThat(agent.toolInvocations()).hasSize(1);
    });
  }
}
