package dev.agenttrace.junit;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.runtime.Agent;
import java.util.ArrayList;
import java.util.List;

/** Small agents for the extension's tests. */
final class Agents {
  static final ToolDefinition LOOKUP = ToolDefinition.of("lookup", "Looks a thing up", null);

  private Agents() {}

  /** Asks the model once. */
  static Agent<String, String> oneShot() {
    return (ctx, question) -> ctx.chat(ChatRequest.of("gpt-4o", Message.user(question))).text();
  }

  /** Runs the tool loop: chat, tools, chat ... */
  static Agent<String, String> toolLoop() {
    return (ctx, question) -> {
      List<Message> messages = new ArrayList<>(List.of(Message.user(question)));
      ChatResponse reply = ctx.chat(ChatRequest.of("gpt-4o", messages).withTools(LOOKUP));
      while (reply.hasToolCalls()) {
        messages.add(reply.message());
        messages.addAll(ctx.callTools(reply.toolCalls()));
        reply = ctx.chat(ChatRequest.of("gpt-4o", messages).withTools(LOOKUP));
      }
      return reply.text();
    };
  }
}
