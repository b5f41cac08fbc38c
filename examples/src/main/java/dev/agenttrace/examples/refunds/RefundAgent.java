package dev.agenttrace.examples.refunds;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.runtime.Agent;
import dev.agenttrace.runtime.AgentContext;
import dev.agenttrace.runtime.Approval;
import java.util.ArrayList;
import java.util.List;

/**
 * Human in the loop: the model proposes a refund, a person must approve it before the refund tool runs. The
 * execution waits (no segment open) until the test approves or rejects.
 */
public final class RefundAgent implements Agent<String, String> {
  public static final ToolDefinition ISSUE_REFUND = ToolDefinition.of("issue_refund", "Refunds an order",
      "{\"type\":\"object\",\"properties\":{\"order\":{\"type\":\"string\"},\"amount\":{\"type\":\"number\"}}}");

  @Override
  public String run(AgentContext ctx, String complaint) {
    List<Message> messages = new ArrayList<>(List.of(
        Message.system("You handle refund requests. Propose refunds with issue_refund."),
        Message.user(complaint)));
    ChatResponse proposal = ctx.chat(ChatRequest.of("claude-sonnet-4-5", messages).withTools(ISSUE_REFUND));
    if (!proposal.hasToolCalls()) {
      return proposal.text();
    }
    ToolCall refund = proposal.toolCalls().get(0);
    Approval approval = ctx.awaitApproval("refund");
    messages.add(proposal.message());
    if (approval.approved()) {
      messages.add(Message.toolResult(refund, ctx.callTool(refund)));
    } else {
      messages.add(Message.toolResult(refund, "{\"error\":\"rejected by " + approval.approver() + ": "
          + approval.comment() + "\"}"));
    }
    return ctx.chat(ChatRequest.of("claude-sonnet-4-5", messages).withTools(ISSUE_REFUND)).text();
  }
}
