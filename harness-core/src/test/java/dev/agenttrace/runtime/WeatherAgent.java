package dev.agenttrace.runtime;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolDefinition;
import java.util.ArrayList;
import java.util.List;

/** The brief's weather agent: one LLM call, a tool round, a second LLM call. */
final class WeatherAgent implements Agent<String, String> {
  static final ToolDefinition GET_WEATHER = ToolDefinition.of("get_weather", "Current weather for a city",
      "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");

  @Override
  public String run(AgentContext ctx, String question) {
    List<Message> messages = new ArrayList<>(List.of(Message.user(question)));
    ChatResponse reply = ctx.chat(ChatRequest.of("gpt-4o", messages).withTools(GET_WEATHER));
    while (reply.hasToolCalls()) {
      messages.add(reply.message());
      messages.addAll(ctx.callTools(reply.toolCalls()));
      reply = ctx.chat(ChatRequest.of("gpt-4o", messages).withTools(GET_WEATHER));
    }
    return reply.text();
  }
}
