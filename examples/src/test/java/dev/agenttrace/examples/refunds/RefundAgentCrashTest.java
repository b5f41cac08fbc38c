package dev.agenttrace.examples.refunds;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.runtime.CrashExploration;
import dev.agenttrace.runtime.CrashExplorationResult;
import dev.agenttrace.runtime.CrashPoint;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The approval agent survives a crash at every point, and the refund — not idempotent — never runs twice. */
@AgentTest
class RefundAgentCrashTest {

  @BeforeEach
  void stubs(LlmStub llm, ToolStubs tools) {
    RefundStubs.stub(llm, tools);
    tools.markNonIdempotent("issue_refund");
  }

  @Test
  void survivesACrashAtEveryPointAndNeverRefundsTwice(AgentHarness harness, ToolStubs tools) {
    CrashExplorationResult result = CrashExploration.of(harness, new RefundAgent(), "My order A-1 arrived broken")
        .approving("refund").run();

    // chat, approval, tools, chat: before and after each, mid refund call, before completion
    assertThat(result.crashPoints()).hasSize(10)
        .filteredOn(CrashPoint::isMidToolCall).singleElement()
        .satisfies(point -> assertThat(point.idempotentTool()).isFalse());
    // one refund per run — the uncrashed one and the ten crashed ones — never a second one
    assertThat(tools.callCount("issue_refund")).isEqualTo(11);
  }

  @Test
  void theDecisionIsTracedWithWhoAndHowLongItTook(AgentHarness harness) {
    AgentRun<String> run = harness.start(new RefundAgent(), "My order A-1 arrived broken");
    run.advanceTime(Duration.ofHours(3));
    run.approve("refund", "ada", "customer is right");
    run.resume();

    assertThat(run).wasApprovedBy("refund", "ada").waitedOnAtLeast("approval refund", Duration.ofHours(3))
        .executedNothingTwice().resumedExactlyOncePerWait();
  }
}
