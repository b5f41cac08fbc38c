package dev.agenttrace.examples.refunds;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;
import static dev.agenttrace.trace.SegmentOutcome.COMPLETED;
import static dev.agenttrace.trace.SegmentOutcome.WAITING;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.runtime.RunStatus;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import dev.agenttrace.trace.WaitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Human in the loop: the refund waits, with no segment open, until the test approves or rejects it. */
@AgentTest(golden = true)
class RefundAgentTest {

  @BeforeEach
  void stubs(LlmStub llm, ToolStubs tools) {
    RefundStubs.stub(llm, tools);
  }

  @Test
  void waitsForApprovalThenRefunds(AgentHarness harness, ToolStubs tools) {
    AgentRun<String> run = harness.start(new RefundAgent(), "My order A-1 arrived broken");

    assertThat(run.status()).isEqualTo(RunStatus.WAITING);
    assertThat(run.waitingOn()).get().hasToString("approval 'refund'");
    assertThat(tools.calls()).isEmpty();

    run.approve("refund");          // the agent continues: the refund tool is another wait
    run.resume();

    assertThat(run.output()).isEqualTo("Your refund of $30 is on its way.");
    assertThat(run.trace())
        .hasSegmentOutcomes(WAITING, WAITING, COMPLETED)
        .hasLlmCallCount(2)
        .calledTool("issue_refund").succeeded();
    assertThat(run.trace()).segment(0).isWaitingOn(WaitKind.APPROVAL);
    assertThat(run.trace()).segment(1).isResumed().isWaitingOnTools("issue_refund");
  }

  @Test
  void aRejectedRefundNeverCallsTheTool(AgentHarness harness) {
    AgentRun<String> run = harness.start(new RefundAgent(), "My order A-1 arrived broken");
    run.reject("refund", "outside the return window");

    assertThat(run.output()).isEqualTo("Your refund of $30 is on its way.");
    assertThat(run.trace()).neverCalledTool("issue_refund").hasSegmentCount(2);
  }

  @Test
  void harnessRunCannotApproveOnItsOwn(AgentHarness harness) {
    assertThatThrownBy(() -> harness.run(new RefundAgent(), "My order A-1 arrived broken"))
        .hasMessageContaining("waits on approval 'refund'")
        .hasMessageContaining("run.approve(\"refund\")");
  }
}
