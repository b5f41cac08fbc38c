package dev.agenttrace.examples.springai;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Where the weather comes from: the readings of the cities that have a station. A real application would call a
 * weather service here; a city without a station fails, as such a service would.
 */
@Component
public class WeatherStations {
  private static final Map<String, Conditions> READINGS = Map.of(
      "Paris", new Conditions(18, "sunny"),
      "Lyon", new Conditions(16, "cloudy"),
      "Madrid", new Conditions(24, "clear"));

  /** The weather in one city. */
  public record Conditions(int tempC, String sky) {}

  /** The current conditions in {@code city}; fails for a city without a station. */
  public Conditions current(String city) {
    Conditions conditions = READINGS.get(city);
    if (conditions == null) {
      throw new IllegalStateException("no weather station reports for " + city);
    }
    return conditions;
  }
}
