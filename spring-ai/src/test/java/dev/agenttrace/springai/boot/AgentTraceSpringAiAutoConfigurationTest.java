package dev.agenttrace.springai.boot;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.springai.ToolFailureRecorder;
import dev.agenttrace.springai.WeatherTools;
import dev.agenttrace.trace.AgentTrace;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.execution.DefaultToolExecutionExceptionProcessor;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * The Spring Boot test auto-configuration: whatever registry the application has (its own, or the one provided when it
 * has none) traces Spring AI into the test whose capture scope is current, once; tool failures are noted; it can be
 * switched off.
 */
@AgentTest(globalOpenTelemetry = true)
class AgentTraceSpringAiAutoConfigurationTest {
  private final ApplicationContextRunner application = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(AgentTraceSpringAiAutoConfiguration.class))
      .withBean(ToolExecutionExceptionProcessor.class, () -> new DefaultToolExecutionExceptionProcessor(false));

  @Test
  void anApplicationWithoutARegistryGetsOneTracingSpringAiIntoTheTest(Supplier<AgentTrace> trace) {
    application.run(context -> {
      assertThat(context.getBean(ToolExecutionExceptionProcessor.class)).isInstanceOf(ToolFailureRecorder.class);

      String result = runTool(context, "Paris");

      assertThat(result).isEqualTo("{\"tempC\":18,\"sky\":\"sunny\"}");
    });

    assertThat(trace.get()).hasToolCallCount(1).calledTool("get_weather").hasArguments("{\"city\":\"Paris\"}")
        .hasResult("{\"tempC\":18,\"sky\":\"sunny\"}");
  }

  @Test
  void theApplicationsOwnRegistryTracesEachToolRunOnceAndFailuresAreErrors(Supplier<AgentTrace> trace) {
    ObservationRegistry own = ObservationRegistry.create();
    application.withBean(ObservationRegistry.class, () -> own).run(context -> {
      assertThat(context.getBean(ObservationRegistry.class)).isSameAs(own);

      String result = runTool(context, "Atlantis");

      assertThat(result).isEqualTo("weather service unreachable for Atlantis");
    });

    assertThat(trace.get()).hasToolCallCount(1).calledTool("get_weather")
        .failedWith("java.lang.IllegalStateException");
  }

  @Test
  void itCanBeSwitchedOff(Supplier<AgentTrace> trace) {
    application.withPropertyValues("agenttrace.spring-ai.enabled=false").run(context -> {
      assertThat(context).doesNotHaveBean(ObservationRegistry.class);
      assertThat(context.getBean(ToolExecutionExceptionProcessor.class)).isInstanceOf(
          DefaultToolExecutionExceptionProcessor.class);
    });

    assertThat(trace.get().spans()).isEmpty();
  }

  @Test
  void aBlankAgentNameFailsWithWhatToWriteInstead() {
    application.withPropertyValues("agenttrace.spring-ai.agent-name= ").run(context ->
        assertThat(context).getFailure().rootCause()
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("The default agent name must not be blank")
            .hasMessageContaining("\"WeatherAgent\""));
  }

  /** Runs the weather tool for {@code city} the way Spring AI's chat models do, with the context's beans. */
  private static String runTool(ApplicationContext context, String city) {
    DefaultToolCallingManager manager = DefaultToolCallingManager.builder()
        .observationRegistry(context.getBean(ObservationRegistry.class))
        .toolExecutionExceptionProcessor(context.getBean(ToolExecutionExceptionProcessor.class))
        .build();
    Prompt prompt = new Prompt(List.of(new UserMessage("What's the weather in " + city + "?")),
        ToolCallingChatOptions.builder().toolCallbacks(ToolCallbacks.from(new WeatherTools())).build());
    AssistantMessage reply = AssistantMessage.builder().content("").toolCalls(List.of(
        new AssistantMessage.ToolCall("call_1", "function", "get_weather", "{\"city\":\"" + city + "\"}"))).build();
    var history = manager.executeToolCalls(prompt, new ChatResponse(List.of(new Generation(reply))))
        .conversationHistory();
    return ((org.springframework.ai.chat.messages.ToolResponseMessage) history.get(history.size() - 1))
        .getResponses().get(0).responseData();
  }
}
