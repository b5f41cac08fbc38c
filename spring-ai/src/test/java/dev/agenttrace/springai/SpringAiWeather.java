package dev.agenttrace.springai;

import dev.agenttrace.stubs.AgentStubs;
import dev.agenttrace.stubs.openai.OpenAiStub;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;

/** The weather agent on Spring AI: an OpenAI chat model at {@link OpenAiStub}, traced by {@link SpringAiTracing}. */
final class SpringAiWeather {
  static final String SYSTEM = "You answer weather questions. Use get_weather for current conditions.";

  private SpringAiWeather() {}

  /** Scripts the stub: the model asks for {@code city}'s weather, then answers {@code answer} from the tool result. */
  static void script(OpenAiStub openAi, String city, String answer) {
    openAi.whenLastUserMessageContains(city).replyWithToolCall("get_weather", "{\"city\":\"" + city + "\"}");
    openAi.whenLastMessageIsToolResult("get_weather").and(AgentStubs.lastUserMessageContains(city))
        .replyWithText(answer);
  }

  /** Spring AI's OpenAI chat model ({@code gpt-4o}) at the stub, observed and running tools through {@code tracing}. */
  static OpenAiChatModel model(OpenAiStub openAi, SpringAiTracing tracing) {
    return OpenAiChatModel.builder()
        .openAiApi(OpenAiApi.builder().baseUrl(openAi.baseUrl()).completionsPath("/chat/completions")
            .apiKey("sk-test").build())
        .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o").build())
        .observationRegistry(tracing.observationRegistry())
        .toolCallingManager(tracing.toolCallingManager())
        .build();
  }

  /** A {@code ChatClient} named {@code WeatherAgent} with the weather tools, on {@link #model}. */
  static ChatClient client(OpenAiStub openAi, SpringAiTracing tracing, WeatherTools tools) {
    return tracing.chatClientBuilder(model(openAi, tracing))
        .defaultSystem(SYSTEM)
        .defaultTools(tools)
        .defaultAdvisors(advisors -> advisors.param(SpringAiTracing.AGENT_NAME, "WeatherAgent"))
        .build();
  }
}
