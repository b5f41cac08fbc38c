package dev.agenttrace.benchmarks;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.runtime.Agent;
import dev.agenttrace.runtime.AgentContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The examples module's {@code WeatherAgent}, copied here because benchmarks must not depend on examples. Its logic
 * is written once against two functions, so the harness (through {@link AgentContext}) and the plain-loop baseline
 * (straight to the stubs) run exactly the same agent code.
 */
public final class WeatherAgentCopy implements Agent<String, String> {
  static final String MODEL = "gpt-4o";
  static final ToolDefinition GET_WEATHER = ToolDefinition.of("get_weather",
      "Current weather for a city",
      "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");

  @Override
  public String run(AgentContext ctx, String question) {
    return answer(ctx::chat, ctx::callTools, question);
  }

  @Override
  public String name() {
    return "WeatherAgent";
  }

  /** The agent loop: ask the model, run the tools it asks for, ask again with the results, until it answers. */
  static String answer(Function<ChatRequest, ChatResponse> chat, Function<List<ToolCall>, List<Message>> callTools,
      String question) {
    List<Message> messages = new ArrayList<>(List.of(
        Message.system("You answer weather questions. Use get_weather for current conditions."),
        Message.user(question)));
    ChatResponse reply = chat.apply(ChatRequest.of(MODEL, messages).withTools(GET_WEATHER));
    while (reply.hasToolCalls()) {
      messages.add(reply.message());
      messages.addAll(callTools.apply(reply.toolCalls()));
      reply = chat.apply(ChatRequest.of(MODEL, messages).withTools(GET_WEATHER));
    }
    return reply.text();
  }
}
