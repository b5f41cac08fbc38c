package dev.agenttrace.examples.flights;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.runtime.Agent;
import dev.agenttrace.runtime.AgentContext;
import dev.agenttrace.runtime.ToolFailedException;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent whose tool can fail: it books the flight the model picks; when the booking tool throws, it tells the
 * user instead of crashing. The tool's error (type, message, stack trace) stays in the trace.
 */
public final class FlightBookingAgent implements Agent<String, String> {
  public static final ToolDefinition BOOK_FLIGHT = ToolDefinition.of("book_flight", "Books a seat on a flight",
      "{\"type\":\"object\",\"properties\":{\"flight\":{\"type\":\"string\"}},\"required\":[\"flight\"]}");

  @Override
  public String run(AgentContext ctx, String request) {
    List<Message> messages = new ArrayList<>(List.of(Message.user(request)));
    ChatResponse reply = ctx.chat(ChatRequest.of("gpt-4o-mini", messages).withTools(BOOK_FLIGHT));
    if (!reply.hasToolCalls()) {
      return reply.text();
    }
    try {
      ctx.callTools(reply.toolCalls());
      return "Booked " + reply.toolCalls().get(0).arguments();
    } catch (ToolFailedException e) {
      return "Sorry, booking failed: " + e.getMessage();
    }
  }
}
