package dev.agenttrace.examples.clients;

import com.google.adk.agents.LlmAgent;
import com.google.adk.agents.RunConfig;
import com.google.adk.agents.RunConfig.StreamingMode;
import com.google.adk.events.Event;
import com.google.adk.models.Gemini;
import com.google.adk.runner.InMemoryRunner;
import com.google.adk.sessions.Session;
import com.google.adk.tools.Annotations.Schema;
import com.google.adk.tools.FunctionTool;
import com.google.genai.Client;
import com.google.genai.types.Content;
import com.google.genai.types.Part;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A weather agent on Google's Agent Development Kit (ADK Java): an {@link LlmAgent} with a {@code get_weather}
 * {@link FunctionTool}, run by an {@link InMemoryRunner}. ADK's {@link Gemini} model takes the {@code google-genai}
 * {@link Client} it is given, so pointing that client at a Gemini endpoint (a {@code GeminiStub} in tests) is all it
 * takes; ADK then runs the function call loop itself. {@link #askStreaming} runs with {@link StreamingMode#SSE}
 * ({@code streamGenerateContent}).
 */
public final class AdkWeatherAgent {
  private static final String USER = "user";

  private final InMemoryRunner runner;

  /** {@code weather} answers {@code get_weather} for a city. */
  public AdkWeatherAgent(Client client, String model, UnaryOperator<String> weather) {
    LlmAgent agent = LlmAgent.builder()
        .name("weather_agent")
        .description("Answers weather questions")
        .model(new Gemini(model, client))
        .instruction("Answer weather questions briefly.")
        .tools(FunctionTool.create(new WeatherTool(weather), "getWeather"))
        .build();
    this.runner = new InMemoryRunner(agent, "weather-app");
  }

  public String ask(String question) {
    return run(question, StreamingMode.NONE);
  }

  public String askStreaming(String question) {
    return run(question, StreamingMode.SSE);
  }

  private String run(String question, StreamingMode mode) {
    Session session = runner.sessionService().createSession(runner.appName(), USER).blockingGet();
    RunConfig config = RunConfig.builder().setStreamingMode(mode).build();
    StringBuilder answer = new StringBuilder();
    for (Event event : runner.runAsync(USER, session.id(), Content.fromParts(Part.fromText(question)), config)
        .blockingIterable()) {
      if (event.finalResponse() && !event.partial().orElse(false)) {
        answer.append(event.stringifyContent());
      }
    }
    return answer.toString();
  }

  /** The agent's tool: ADK reads its name, description and parameters from these annotations. */
  public static final class WeatherTool {
    private final UnaryOperator<String> weather;

    WeatherTool(UnaryOperator<String> weather) {
      this.weather = weather;
    }

    @Schema(name = "get_weather", description = "Current weather of a city")
    public Map<String, Object> getWeather(@Schema(name = "city", description = "The city") String city) {
      return Map.of("result", weather.apply(city));
    }
  }
}
