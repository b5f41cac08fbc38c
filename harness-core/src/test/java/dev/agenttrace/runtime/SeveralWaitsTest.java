package dev.agenttrace.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.assertions.AgentTraceAssertions;
import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.golden.GoldenTraces;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.WaitInfo;
import dev.agenttrace.trace.WaitKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ctx.awaitAll(...)}: tool calls and an approval pending at once, satisfied in any order, in one resume. */
class SeveralWaitsTest {
  private final TraceCapture capture = TraceCapture.create();
  private final RuntimeFixture.ScriptedLlm llm = new RuntimeFixture.ScriptedLlm();
  private final RuntimeFixture.ScriptedTools tools = new RuntimeFixture.ScriptedTools();
  private final AgentHarness harness = RuntimeFixture.capturedHarness(capture, new InMemoryJournal(), llm, tools);

  /** Looks the order up and asks a human at the same time; refunds when both are in and the human agreed. */
  static final class RefundDesk implements Agent<String, String> {
    @Override
    public String run(AgentContext ctx, String order) {
      Await<List<Message>> lookup = Await.tools(List.of(new ToolCall("c1", "lookup_order", "{\"id\":\"" + order + "\"}"),
          new ToolCall("c2", "lookup_customer", "{}")));
      Await<Approval> refund = Await.approval("refund", Duration.ofHours(4));
      Awaited both = ctx.awaitAll(lookup, refund);
      String facts = both.get(lookup).stream().map(message -> message.toolResults().get(0).content()).toList()
          .toString();
      Approval decision = both.get(refund);
      return facts + " " + (decision.approved() ? "refunded by " + decision.approver() : "held: " + decision.comment());
    }

    @Override
    public String name() {
      return "RefundDesk";
    }
  }

  @AfterEach
  void close() {
    capture.close();
  }

  private void stubTools() {
    tools.on("lookup_order", call -> "order A-1").on("lookup_customer", call -> "customer ada");
  }

  @Test
  void toolsAndAnApprovalArePendingAtOnceAndTheAgentResumesOnceWhenBothAreIn() {
    stubTools();
    AgentRun<String> run = harness.start(new RefundDesk(), "A-1");

    assertThat(run.status()).isEqualTo(RunStatus.WAITING);
    assertThat(run.pendingWaits()).extracting(Wait::kind).containsExactly(WaitKind.TOOL, WaitKind.APPROVAL);
    assertThat(run.pendingWaits().get(1).toString()).startsWith("approval 'refund' (expires ");
    assertThat(run.toString()).contains("WAITING on [tools lookup_order, lookup_customer, approval 'refund'");

    run.resume();   // the tools run; the approval is still awaited: no new segment yet
    assertThat(run.status()).isEqualTo(RunStatus.WAITING);
    assertThat(run.segmentCount()).isEqualTo(1);
    assertThat(run.pendingWaits()).extracting(Wait::toString).singleElement().asString()
        .startsWith("approval 'refund'");
    assertThatThrownBy(run::resume).hasMessageContaining("only the test can provide: call approve(\"refund\")");

    run.advanceTime(Duration.ofHours(1));
    run.approve("refund", "ada", "damaged in transit");

    assertThat(run.output()).isEqualTo("[order A-1, customer ada] refunded by ada");
    List<Segment> segments = run.trace().segments();
    assertThat(segments).hasSize(2);
    assertThat(segments.get(0).waits()).extracting(WaitInfo::kind).containsExactly(WaitKind.TOOL, WaitKind.APPROVAL);
    assertThat(segments.get(0).toolInvocations()).extracting(tool -> tool.name())
        .containsExactly("lookup_order", "lookup_customer");
    assertThat(segments.get(1).resumeInfo()).get().satisfies(resume -> {
      assertThat(resume.cause()).isEqualTo("approval_decided");
      assertThat(resume.waited()).isBetween(Duration.ofHours(1), Duration.ofHours(1).plusMinutes(1));
    });
    assertThat(segments.get(1).replayed()).isEqualTo(2);
    assertThat(segments.get(1).span().event(SpanConventions.EVENT_APPROVAL)).get().satisfies(event -> {
      assertThat(event.getAttributes().get(SpanConventions.APPROVAL_NAME)).isEqualTo("refund");
      assertThat(event.getAttributes().get(SpanConventions.APPROVAL_COMMENT)).isEqualTo("damaged in transit");
    });
    AgentTraceAssertions.assertThat(run).wasApprovedBy("refund", "ada")
        .waitedOnAtLeast("approval refund", Duration.ofHours(1)).resumedExactlyOncePerWait().executedNothingTwice();
    // the golden file shows every wait the segment entered, not only the first
    assertThat(GoldenTraces.standard().render(run.trace())).contains("also_waits:").contains("name: refund");
    // so do the segment assertions, the segment's description and the report
    AgentTraceAssertions.assertThat(run.trace()).segment(0).isWaitingOn(WaitKind.TOOL)
        .isWaitingOn(WaitKind.APPROVAL).isWaitingFor("ref*").isWaitingOnTools("lookup_order", "lookup_customer");
    assertThatThrownBy(() -> AgentTraceAssertions.assertThat(run.trace()).segment(0).isWaitingFor("shipping"))
        .hasMessageContaining("it waited on tool lookup_order, lookup_customer + approval refund");
    assertThatThrownBy(() -> AgentTraceAssertions.assertThat(run.trace()).segment(0).isWaitingOn(WaitKind.TIMER))
        .hasMessageContaining("to wait on timer");
    assertThat(segments.get(0).toString()).contains("waiting on tool lookup_order, lookup_customer + approval refund");
    assertThat(HtmlReport.render(run.trace(), ReportInfo.titled("refund desk")))
        .contains("\"wait\":{\"kind\":\"tool\"").contains("\"also\":[{\"kind\":\"approval\"");
  }

  @Test
  void theWaitsMayBeSatisfiedInAnyOrder() {
    stubTools();
    AgentRun<String> run = harness.start(new RefundDesk(), "A-1");

    run.reject("refund", "bob", "outside the window");
    assertThat(run.pendingWaits()).extracting(Wait::kind).containsExactly(WaitKind.TOOL);
    assertThat(run.segmentCount()).isEqualTo(1);
    run.resume();

    assertThat(run.output()).isEqualTo("[order A-1, customer ada] held: outside the window");
    assertThat(run.trace().segments().get(1).resumeInfo()).get()
        .satisfies(resume -> assertThat(resume.cause()).isEqualTo("tools_completed"));
  }

  @Test
  void aDecisionGivenBeforeItIsAwaitedLeavesOnlyTheTools() {
    stubTools();
    Agent<String, String> desk = new RefundDesk();
    AgentRun<String> run = harness.start((ctx, order) -> {
      ctx.step("prepare", () -> "ok");
      ctx.sleep(Duration.ofMinutes(1));
      return desk.run(ctx, order);
    }, "A-1");
    run.approve("refund", "ada", "pre-approved");   // the agent sleeps; the decision is kept
    run.resume();                                    // the timer fires; the agent awaits tools and the approval

    assertThat(run.pendingWaits()).extracting(Wait::kind).containsExactly(WaitKind.TOOL);
    run.resume();
    assertThat(run.output()).isEqualTo("[order A-1, customer ada] refunded by ada");
  }

  @Test
  void anApprovalDeadlinePassingWhileTheToolsAreDoneResumesWithTheExpiry() {
    stubTools();
    AgentRun<String> run = harness.start(new RefundDesk(), "A-1");
    run.resume();
    run.advanceTime(Duration.ofHours(4));

    assertThat(run.output()).startsWith("[order A-1, customer ada] held: no decision before ");
    assertThat(run.trace().segments().get(1).resumeInfo()).get()
        .satisfies(resume -> assertThat(resume.cause()).isEqualTo(SpanConventions.CAUSE_APPROVAL_EXPIRED));
  }

  @Test
  void everyCrashPointRecoversExactlyOnce() {
    stubTools();
    CrashExplorationResult result = CrashExploration.of(harness, new RefundDesk(), "A-1")
        .deciding("refund", Approval.granted("ada", "ok")).run();

    // tools and approval: before and after each, the middle of each of the two tool calls, before completion
    assertThat(result.crashPoints()).hasSize(2 * 2 + 2 + 1);
    // each of the 8 runs looks up once; only the crash in the middle of a lookup runs that lookup again
    assertThat(tools.callCount("lookup_order")).isEqualTo(8 + 1);
    assertThat(tools.callCount("lookup_customer")).isEqualTo(8 + 1);
  }

  @Test
  void severalPendingWaitsSurviveAProcessRestart(@TempDir Path dir) {
    stubTools();
    Path file = dir.resolve("journal.jsonl");
    String executionId;
    try (TraceCapture first = TraceCapture.create(); FileJournal journal = FileJournal.open(file)) {
      AgentRun<String> run = RuntimeFixture.capturedHarness(first, journal, llm, tools).start(new RefundDesk(), "A-1");
      executionId = run.executionId();
    }
    try (FileJournal journal = FileJournal.open(file)) {
      AgentHarness restarted = RuntimeFixture.capturedHarness(capture, journal, llm, tools);
      AgentRun<String> run = restarted.recover(executionId, new RefundDesk(), "A-1");

      assertThat(run.pendingWaits()).extracting(Wait::kind).containsExactly(WaitKind.TOOL, WaitKind.APPROVAL);
      run.approve("refund", "ada", "ok").resume();
      assertThat(run.output()).isEqualTo("[order A-1, customer ada] refunded by ada");
      assertThat(run.trace().executions()).singleElement()
          .satisfies(execution -> assertThat(execution.outcome()).isEqualTo(SegmentOutcome.COMPLETED));
    }
  }

  @Test
  void awaitAllNeedsAtLeastOneWait() {
    AgentRun<String> run = harness.start((ctx, in) -> ctx.awaitAll().toString(), "x");
    assertThat(run.failure()).get().asString().contains("awaitAll(...) needs at least one wait");
    assertThatThrownBy(() -> Await.approval("refund", Duration.ZERO)).hasMessageContaining("must be positive");
  }
}
