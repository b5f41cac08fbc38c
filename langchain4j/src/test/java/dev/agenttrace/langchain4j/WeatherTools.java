package dev.agenttrace.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

/** The weather tool; {@code failing} makes every call throw, as a broken weather service would. */
final class WeatherTools {
  private final boolean failing;

  WeatherTools(boolean failing) {
    this.failing = failing;
  }

  @Tool(name = "get_weather", value = "Current weather in a city")
  String getWeather(@P(name = "city", value = "The city") String city) {
    if (failing) {
      throw new IllegalStateException("weather service unavailable for " + city);
    }
    return "{\"sky\":\"sunny\",\"tempC\":18}";
  }
}
