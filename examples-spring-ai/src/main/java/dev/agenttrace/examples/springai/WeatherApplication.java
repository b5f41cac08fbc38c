package dev.agenttrace.examples.springai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The weather agent as a Spring AI application: a {@link WeatherAssistant} on Spring AI's auto-configured
 * {@code ChatClient} (OpenAI) with the {@link WeatherTools#getWeather get_weather} tool. Run it with
 * {@code spring.ai.openai.api-key} set; its tests point it at AgentTrace's {@code OpenAiStub} instead.
 */
@SpringBootApplication
public class WeatherApplication {
  public static void main(String[] args) {
    SpringApplication.run(WeatherApplication.class, args);
  }
}
