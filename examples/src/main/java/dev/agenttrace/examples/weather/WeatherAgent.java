package dev.agenttrace.examples.weather;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.runtime.Agent;
import dev.agenttrace.runtime.AgentContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The product brief's weather agent: asks the model, runs the weather tool the model asks for (a wait: the segment
 * ends while the tool runs), and asks the model again with the result. Two execution segments.
 */
public final class WeatherAgent implements Agent<String, String> {
  public static final String MODEL = "gpt-4o";
  public static final ToolDefinition GET_WEATHER = ToolDefinition.of("get_weather",
      "Current weather for a city",
      "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");

  @Override
  public String run(AgentContext ctx, String question) {
    List<Message> messages = new ArrayList<>(List.of(
        Message.system("You answer weather questions. Use get_weather for current conditions."),
        Message.user(question)));
    ChatResponse reply = ctx.chat(ChatRequest.of(MODEL, messages).withTools(GET_WEATHER));
    while (reply.hasToolCalls()) {
      messages.add(reply.message());
      messages.addAll(ctx.callTools(reply.toolCalls()));
      reply = ctx.chat(ChatRequest.of(MODEL, messages).withTools(GET_WEATHER));
    }
    return reply.text();
  }
}
