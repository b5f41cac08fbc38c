package dev.agenttrace.examples.springai;

import dev.agenttrace.stubs.AgentStubs;
import dev.agenttrace.stubs.openai.OpenAiStub;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The OpenAI API the application talks to in its tests: an {@link OpenAiStub} that lives as long as the application
 * context, scripted with the weather world (the model asks for a city's weather, then answers from the tool result),
 * and the properties that point Spring AI's OpenAI chat model at it.
 *
 * <p>The stub records no spans of its own here: Spring AI's observations, traced by agenttrace-spring-ai, are the
 * trace. (A stub shared by the tests of a context cannot tell which test a request came from.)
 */
@TestConfiguration(proxyBeanMethods = false)
class StubbedOpenAi {
  static final String PARIS_ANSWER = "18°C and sunny in Paris.";
  static final String ATLANTIS_ANSWER = "Sorry, I could not get the weather for Atlantis.";

  @Bean(destroyMethod = "stop")
  OpenAiStub openAiStub() {
    OpenAiStub openAi = OpenAiStub.create().start();
    script(openAi, "Paris", PARIS_ANSWER);
    script(openAi, "Atlantis", ATLANTIS_ANSWER);
    return openAi;
  }

  @Bean
  DynamicPropertyRegistrar openAiAtTheStub(OpenAiStub openAi) {
    return properties -> {
      properties.add("spring.ai.openai.base-url", openAi::baseUrl);
      properties.add("spring.ai.openai.chat.completions-path", () -> "/chat/completions");
      properties.add("spring.ai.openai.api-key", () -> "sk-test");
    };
  }

  /** The model asks for {@code city}'s weather, then answers {@code answer} once the tool result is in. */
  static void script(OpenAiStub openAi, String city, String answer) {
    openAi.whenLastUserMessageContains(city).replyWithToolCall("get_weather", "{\"city\":\"" + city + "\"}");
    openAi.whenLastMessageIsToolResult("get_weather").and(AgentStubs.lastUserMessageContains(city))
        .replyWithText(answer);
  }
}
