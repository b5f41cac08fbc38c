package dev.agenttrace.examples.springai;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

/** The agent's tool: current conditions from the {@link WeatherStations}. */
@Component
public class WeatherTools {
  private final WeatherStations stations;

  public WeatherTools(WeatherStations stations) {
    this.stations = stations;
  }

  /** Current conditions in a city; Spring AI sends the record to the model as JSON. */
  @Tool(name = "get_weather", description = "Current weather conditions for a city")
  public WeatherStations.Conditions getWeather(@ToolParam(description = "The city") String city) {
    return stations.current(city);
  }
}
