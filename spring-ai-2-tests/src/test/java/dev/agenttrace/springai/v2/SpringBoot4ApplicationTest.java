package dev.agenttrace.springai.v2;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.stubs.AgentStubs;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The test auto-configuration on Spring Boot 4 with Spring AI 2.0: the application's auto-configured
 * {@code ChatClient} is traced into the test that calls it.
 */
@SpringBootTest(classes = SpringBoot4ApplicationTest.Application.class,
    properties = {"agenttrace.spring-ai.agent-name=WeatherAgent", "spring.ai.openai.chat.options.model=gpt-4o"})
@AgentTest(globalOpenTelemetry = true)
class SpringBoot4ApplicationTest {
  @Autowired
  ChatClient.Builder chatClient;

  @Test
  void theApplicationsChatClientIsTracedIntoTheTest(Supplier<AgentTrace> trace) {
    String answer = chatClient.build().prompt().user("What's the weather in Paris?").tools(new WeatherTools())
        .call().content();

    assertThat(answer).isEqualTo("18°C and sunny in Paris.");
    AgentTrace spans = trace.get();
    assertThat(spans).hasSegmentCount(1).hasLlmCallCount(2).hasNoErrors()
        .calledTool("get_weather").hasArguments("{\"city\":\"Paris\"}").hasResult("{\"tempC\":18,\"sky\":\"sunny\"}");
    assertThat(spans.segments().get(0).agentName()).isEqualTo("WeatherAgent");
    assertThat(spans.llmCalls()).allSatisfy(call -> assertThat(call.model()).isEqualTo("gpt-4o"));
  }

  @Test
  void aFailingToolOfTheApplicationIsAToolError(Supplier<AgentTrace> trace) {
    String answer = chatClient.build().prompt().user("What's the weather in Atlantis?").tools(new WeatherTools())
        .call().content();

    assertThat(answer).isEqualTo("No weather for Atlantis.");
    assertThat(trace.get()).calledTool("get_weather").failedWith("java.lang.IllegalStateException");
  }

  /** A Spring AI application with its OpenAI chat model at a stub living as long as the context. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Application {
    @Bean(destroyMethod = "stop")
    OpenAiStub openAiStub() {
      OpenAiStub openAi = OpenAiStub.create().start();
      openAi.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
      openAi.whenLastMessageIsToolResult("get_weather").and(AgentStubs.lastUserMessageContains("Paris"))
          .replyWithText("18°C and sunny in Paris.");
      openAi.whenLastUserMessageContains("Atlantis").replyWithToolCall("get_weather", "{\"city\":\"Atlantis\"}");
      openAi.whenLastMessageIsToolResult("get_weather").and(AgentStubs.lastUserMessageContains("Atlantis"))
          .replyWithText("No weather for Atlantis.");
      return openAi;
    }

    @Bean
    DynamicPropertyRegistrar openAiAtTheStub(OpenAiStub openAi) {
      return properties -> {
        properties.add("spring.ai.openai.base-url", openAi::baseUrl);
        properties.add("spring.ai.openai.api-key", () -> "sk-test");
      };
    }
  }
}
