package dev.agenttrace.runtime;

import static dev.agenttrace.runtime.RuntimeFixture.attr;
import static dev.agenttrace.runtime.RuntimeFixture.event;
import static dev.agenttrace.trace.SpanConventions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.trace.WaitKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitsAndStepsTest {
  private final RuntimeFixture fixture = new RuntimeFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aTimerWaitsOnTheVirtualClockAndFiresWhenTimeIsAdvanced() {
    Agent<String, String> reminder = (ctx, input) -> {
      ctx.sleep(Duration.ofHours(1));
      return "reminded " + input;
    };
    AgentRun<String> run = fixture.harness().start(reminder, "Ada");
    Wait wait = run.waitingOn().orElseThrow();
    assertThat(wait.kind()).isEqualTo(WaitKind.TIMER);

    run.advanceTime(Duration.ofMinutes(30));
    assertThat(run.status()).isEqualTo(RunStatus.WAITING);
    run.advanceTime(Duration.ofMinutes(30));

    assertThat(run.output()).isEqualTo("reminded Ada");
    // the hour was skipped on the virtual clock, not slept
    assertThat(fixture.clock.skipped()).isEqualTo(Duration.ofHours(1));
    List<SpanData> segments = fixture.spans();
    assertThat(attr(event(segments.get(0), EVENT_WAIT), WAIT_KIND)).isEqualTo("timer");
    assertThat(Instant.parse(attr(event(segments.get(0), EVENT_WAIT), WAIT_UNTIL))).isEqualTo(wait.until());
    assertThat(attr(event(segments.get(1), EVENT_RESUME), RESUME_CAUSE)).isEqualTo("timer_fired");
    assertThat(attr(event(segments.get(1), EVENT_RESUME), RESUME_WAITED_MS)).isBetween(3_600_000L, 3_610_000L);
    // span timestamps follow the virtual clock: the gap between the segments is the hour that was skipped
    assertThat(Duration.ofNanos(segments.get(1).getStartEpochNanos() - segments.get(0).getEndEpochNanos()))
        .isGreaterThanOrEqualTo(Duration.ofHours(1));
  }

  @Test
  void runSkipsTimersByItself() {
    Agent<String, Instant> agent = (ctx, input) -> {
      Instant before = ctx.now();
      ctx.sleep(Duration.ofDays(2));
      return ctx.now().minusSeconds(before.getEpochSecond()).atZone(java.time.ZoneOffset.UTC).toInstant();
    };
    AgentRun<Instant> run = fixture.harness().run(agent, "x");
    assertThat(run.output().getEpochSecond()).isGreaterThanOrEqualTo(Duration.ofDays(2).toSeconds());
  }

  @Test
  void anEventWaitIsSatisfiedBySendEvent() {
    Agent<String, String> agent = (ctx, orderId) -> "paid " + ctx.waitForEvent("payment-received");
    AgentRun<String> run = fixture.harness().start(agent, "order-1");
    assertThat(run.waitingOn()).get().hasToString("event 'payment-received'");

    run.sendEvent("other-event", "ignored");
    assertThat(run.status()).isEqualTo(RunStatus.WAITING);
    run.sendEvent("payment-received", "{\"amount\":42}");

    assertThat(run.output()).isEqualTo("paid {\"amount\":42}");
    assertThat(attr(event(fixture.spans().get(0), EVENT_WAIT), WAIT_NAME)).isEqualTo("payment-received");
  }

  @Test
  void anEventSentBeforeTheAgentWaitsIsDeliveredWithoutASecondSegment() {
    Agent<String, String> agent = (ctx, input) -> {
      ctx.sleep(Duration.ofMinutes(1));
      return ctx.waitForEvent("go");
    };
    AgentRun<String> run = fixture.harness().start(agent, "x");
    run.sendEvent("go", "now");
    run.resume();
    assertThat(run.output()).isEqualTo("now");
    assertThat(run.segmentCount()).isEqualTo(2);
  }

  @Test
  void anApprovalWaitsForTheTestsDecision() {
    Agent<String, String> agent = (ctx, refund) -> {
      Approval approval = ctx.awaitApproval("refund");
      return approval.approved() ? "refunded " + refund : "refused: " + approval.comment();
    };
    AgentHarness harness = fixture.harness();
    AgentRun<String> approved = harness.start(agent, "$20");
    assertThat(approved.waitingOn()).get().extracting(Wait::kind).isEqualTo(WaitKind.APPROVAL);
    assertThatThrownBy(approved::resume).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("waits on approval 'refund'").hasMessageContaining("approve(\"refund\")");
    approved.approve("refund");
    assertThat(approved.output()).isEqualTo("refunded $20");

    AgentRun<String> rejected = harness.start(agent, "$900");
    rejected.reject("refund", "over the limit");
    assertThat(rejected.output()).isEqualTo("refused: over the limit");
    assertThat(attr(event(fixture.spans().get(1), EVENT_RESUME), RESUME_CAUSE)).isEqualTo("approval_decided");
  }

  @Test
  void runExplainsWhatToDoWhenOnlyTheTestCanSatisfyTheWait() {
    Agent<String, String> agent = (ctx, input) -> ctx.awaitApproval("deploy").approved() ? "yes" : "no";
    assertThatThrownBy(() -> fixture.harness().run(agent, "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("waits on approval 'deploy'")
        .hasMessageContaining("harness.start(...) and then run.approve(\"deploy\")");
  }

  @Test
  void stepsRunOnceAcrossSegmentsAndRecordTheirResult() {
    AtomicInteger charged = new AtomicInteger();
    Agent<String, String> workflow = new Agent<>() {
      @Override
      public String run(AgentContext ctx, String order) {
        String receipt = ctx.step("charge", () -> "receipt-" + charged.incrementAndGet());
        ctx.sleep(Duration.ofMinutes(5));
        String shipped = ctx.step("ship", "ship-" + order, () -> "shipped " + order);
        return receipt + " / " + shipped;
      }

      @Override
      public ExecutionKind kind() {
        return ExecutionKind.WORKFLOW;
      }

      @Override
      public String name() {
        return "OrderWorkflow";
      }
    };
    AgentRun<String> run = fixture.harness().run(workflow, "o-7");

    assertThat(run.output()).isEqualTo("receipt-1 / shipped o-7");
    assertThat(charged).hasValue(1);
    List<SpanData> segments = fixture.spansNamed("invoke_workflow OrderWorkflow");
    assertThat(segments).hasSize(2);
    assertThat(attr(segments.get(0), GEN_AI_OPERATION_NAME)).isEqualTo("invoke_workflow");
    SpanData charge = fixture.spansNamed("step charge").get(0);
    assertThat(attr(charge, STEP_RESULT)).isEqualTo("receipt-1");
    assertThat(attr(charge, STEP_KEY)).isEqualTo("0:step:charge");
    assertThat(charge.getParentSpanId()).isEqualTo(segments.get(0).getSpanId());
    SpanData ship = fixture.spansNamed("step ship").get(0);
    assertThat(attr(ship, STEP_KEY)).isEqualTo("ship-o-7");
    assertThat(ship.getParentSpanId()).isEqualTo(segments.get(1).getSpanId());
    assertThat(attr(segments.get(1), RESUME_REPLAYED)).isEqualTo(2L);
  }

  @Test
  void aFailedStepIsReplayedAsTheSameFailureWithoutRunningAgain() {
    AtomicInteger attempts = new AtomicInteger();
    Agent<String, String> agent = (ctx, input) -> {
      String outcome;
      try {
        outcome = ctx.step("flaky", () -> {
          attempts.incrementAndGet();
          throw new IllegalStateException("backend down");
        });
      } catch (IllegalStateException e) {
        outcome = "fallback after " + e.getMessage();
      }
      ctx.sleep(Duration.ofSeconds(1));
      return outcome;
    };
    AgentRun<String> run = fixture.harness().run(agent, "x");
    assertThat(run.output()).isEqualTo("fallback after backend down");
    assertThat(attempts).hasValue(1);
    SpanData step = fixture.spansNamed("step flaky").get(0);
    assertThat(attr(step, ERROR_TYPE)).isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void nowAndRandomUuidAreJournaledSoReplaysSeeTheSameValues() {
    Agent<String, String> agent = (ctx, input) -> {
      Instant now = ctx.now();
      UUID id = ctx.randomUuid();
      ctx.sleep(Duration.ofHours(3));
      return now + " " + id + " " + ctx.randomUuid();
    };
    AgentHarness harness = fixture.harness();
    AgentRun<String> first = harness.run(agent, "x");
    String[] parts = first.output().split(" ");
    assertThat(parts[1]).isNotEqualTo(parts[2]);
    assertThat(Instant.parse(parts[0])).isBefore(harness.clock().instant().minus(Duration.ofHours(3)).plusSeconds(5));
    assertThat(harness.journal().entries(first.executionId())).extracting(JournalEntry::kind)
        .containsExactly(OperationKind.NOW, OperationKind.UUID, OperationKind.TIMER, OperationKind.UUID);
  }
}
