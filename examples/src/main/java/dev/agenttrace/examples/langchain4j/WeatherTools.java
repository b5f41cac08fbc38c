package dev.agenttrace.examples.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.function.UnaryOperator;

/** The {@code get_weather} tool, backed by a weather service (a lambda in tests). */
public final class WeatherTools {
  private final UnaryOperator<String> weatherService;

  public WeatherTools(UnaryOperator<String> weatherService) {
    this.weatherService = weatherService;
  }

  @Tool(name = "get_weather", value = "Current weather in a city")
  public String getWeather(@P(name = "city", value = "The city") String city) {
    return weatherService.apply(city);
  }
}
