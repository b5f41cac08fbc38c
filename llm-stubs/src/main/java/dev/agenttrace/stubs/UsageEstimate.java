package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.MessagePart;
import dev.agenttrace.llm.TextPart;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolResult;
import dev.agenttrace.llm.Usage;
import java.util.List;

/**
 * The token usage a stub reports when a reply does not set one: a deterministic estimate of one token per four
 * characters (rounded up, at least 1) of the input messages and of the output message. Counted are text, tool call
 * names and arguments, and tool results; tool definitions are not. Keeps token budgets non-zero and stable.
 */
final class UsageEstimate {
  private UsageEstimate() {}

  static Usage of(ChatRequest request, Message output) {
    return Usage.of(tokens(request.messages()), tokens(List.of(output)));
  }

  static long tokens(List<Message> messages) {
    long chars = 0;
    for (Message message : messages) {
      for (MessagePart part : message.parts()) {
        chars += chars(part);
      }
    }
    return Math.max(1, (chars + 3) / 4);
  }

  private static long chars(MessagePart part) {
    if (part instanceof TextPart text) {
      return text.content().length();
    } else if (part instanceof ToolCall call) {
      return call.name().length() + call.arguments().length();
    } else {
      return ((ToolResult) part).content().length();
    }
  }
}
