package dev.agenttrace.springai;

import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.Usage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * What links the LLM calls and tool calls of one Spring AI tool loop (the calls a chat model and its
 * {@code ToolCallingManager} make under one parent observation): the tool calls the last reply requested and not yet
 * run, and that reply's reported usage.
 *
 * <p>Two things Spring AI's observations do not say directly are recovered here. The tool call id: Spring AI 1.1's
 * tool observation does not carry it, but the manager runs the reply's tool calls in order, so a tool observation takes
 * the first pending call of its name (and arguments). The per-call usage: in its internal tool loop a Spring AI chat
 * model reports the usage <em>accumulated</em> over the loop (its {@code UsageCalculator} adds the previous reply's,
 * building a usage with no provider-native part); when a call continues the last reply (its prompt holds that very
 * reply message followed by tool results) and reports such an accumulated usage, the last reply's share is taken off.
 */
final class ToolLoop {
  private final Deque<ToolCall> pending = new ArrayDeque<>();
  private AssistantMessage lastReply;
  private org.springframework.ai.chat.metadata.Usage lastReported;

  /** Remembers a reply: its message (continued by the next call), reported usage and the tool calls it requests. */
  synchronized void replied(AssistantMessage reply, org.springframework.ai.chat.metadata.Usage reported,
      List<ToolCall> toolCalls) {
    lastReply = reply;
    lastReported = reported;
    pending.clear();
    pending.addAll(toolCalls);
  }

  /** This call's own usage, from the usage Spring AI reported for the call that sent {@code prompt}. */
  synchronized Usage callUsage(Prompt prompt, org.springframework.ai.chat.metadata.Usage reported) {
    Usage usage = SpringAiMessages.usage(reported);
    if (lastReported == null || reported == null || !continuesLastReply(prompt)) {
      return usage;
    }
    if (reported == lastReported) {
      return Usage.NONE;
    }
    Usage previous = SpringAiMessages.usage(lastReported);
    boolean accumulated = reported.getNativeUsage() == null
        && usage.inputTokens() >= previous.inputTokens() && usage.outputTokens() >= previous.outputTokens();
    return accumulated
        ? Usage.of(usage.inputTokens() - previous.inputTokens(), usage.outputTokens() - previous.outputTokens())
        : usage;
  }

  /**
   * The id of the pending tool call a tool observation for {@code toolName} with {@code arguments} runs: the first
   * pending call with that name and those arguments, else the first with that name; empty when none is pending.
   */
  synchronized String takeCallId(String toolName, String arguments) {
    ToolCall match = first(toolName, arguments);
    if (match == null) {
      match = first(toolName, null);
    }
    if (match == null) {
      return "";
    }
    pending.remove(match);
    return match.id();
  }

  private ToolCall first(String toolName, String arguments) {
    for (Iterator<ToolCall> calls = pending.iterator(); calls.hasNext(); ) {
      ToolCall call = calls.next();
      if (call.name().equals(toolName) && (arguments == null || call.arguments().equals(arguments))) {
        return call;
      }
    }
    return null;
  }

  private boolean continuesLastReply(Prompt prompt) {
    List<org.springframework.ai.chat.messages.Message> messages = prompt.getInstructions();
    if (messages.isEmpty() || !(messages.get(messages.size() - 1) instanceof ToolResponseMessage)) {
      return false;
    }
    for (org.springframework.ai.chat.messages.Message message : messages) {
      if (message == lastReply) {
        return true;
      }
    }
    return false;
  }
}
