package dev.agenttrace.springai.v2;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/** The weather agent's tool: sunny in Paris; Atlantis has no weather station. */
public class WeatherTools {
  /** The current weather of a city. */
  public record Weather(int tempC, String sky) {}

  @Tool(name = "get_weather", description = "Current weather conditions for a city")
  public Weather getWeather(@ToolParam(description = "The city") String city) {
    if (city.equals("Atlantis")) {
      throw new IllegalStateException("no weather station reports for Atlantis");
    }
    return new Weather(18, "sunny");
  }
}
