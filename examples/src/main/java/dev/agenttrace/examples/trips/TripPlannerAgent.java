package dev.agenttrace.examples.trips;

import dev.agenttrace.examples.weather.WeatherAgent;
import dev.agenttrace.runtime.Agent;
import dev.agenttrace.runtime.AgentContext;

/**
 * A parent agent with a child: it books a hotel (a journaled step), asks the {@link WeatherAgent} as a child agent
 * what to pack for, and writes the plan. The child runs in its own segments, in the same trace, under the segment
 * that called it; a crash anywhere in either resumes without running anything twice.
 */
public final class TripPlannerAgent implements Agent<String, String> {

  @Override
  public String run(AgentContext ctx, String city) {
    String hotel = ctx.step("book-hotel", () -> "Hotel du Nord, " + city);
    String weather = ctx.callAgent(new WeatherAgent(), "What's the weather in " + city + "?");
    return ctx.step("write-plan", () -> "Staying at " + hotel + ". " + weather);
  }
}
