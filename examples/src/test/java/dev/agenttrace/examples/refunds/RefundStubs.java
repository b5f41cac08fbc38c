package dev.agenttrace.examples.refunds;

import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;

/** The scripted world of the refund tests: the model proposes a $30 refund, the refund tool issues it. */
final class RefundStubs {
  static final String COMPLAINT = "My order A-1 arrived broken";

  private RefundStubs() {}

  static void stub(LlmStub llm, ToolStubs tools) {
    llm.whenLastUserMessageContains("broken").replyWithToolCall("issue_refund", "{\"order\":\"A-1\",\"amount\":30}");
    llm.whenLastMessageIsToolResult("issue_refund").replyWithText("Your refund of $30 is on its way.");
    tools.stub("issue_refund").returns("{\"refundId\":\"R-9\"}");
  }
}
