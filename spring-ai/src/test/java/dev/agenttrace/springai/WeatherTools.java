package dev.agenttrace.springai;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/** The weather agent's tool as a Spring AI {@code @Tool}: sunny in Paris, a failing service for Atlantis. */
public class WeatherTools {
  private final List<String> cities = Collections.synchronizedList(new ArrayList<>());
  private final Runnable duringCall;

  public WeatherTools() {
    this(() -> { });
  }

  /** Tools that run {@code duringCall} inside every call (e.g. to meet a concurrent test at a barrier). */
  WeatherTools(Runnable duringCall) {
    this.duringCall = duringCall;
  }

  /** The current weather of a city. */
  public record Weather(int tempC, String sky) {}

  @Tool(name = "get_weather", description = "Current weather conditions for a city")
  public Weather getWeather(@ToolParam(description = "The city") String city) {
    cities.add(city);
    duringCall.run();
    if (city.equals("Atlantis")) {
      throw new IllegalStateException("weather service unreachable for Atlantis");
    }
    return city.equals("Paris") ? new Weather(18, "sunny") : new Weather(12, "cloudy");
  }

  /** The cities asked for, in order. */
  List<String> cities() {
    return List.copyOf(cities);
  }
}
