package dev.agenttrace.assertions;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.runtime.Agent;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.runtime.Crash;
import dev.agenttrace.runtime.CrashExploration;
import dev.agenttrace.runtime.CrashExplorationResult;
import dev.agenttrace.runtime.OperationKind;
import dev.agenttrace.runtime.RunStatus;
import dev.agenttrace.trace.SegmentOutcome;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DurabilityAssertTest {
  private final TraceCapture capture = TraceCapture.create();
  private final AgentHarness harness = AgentHarness.builder().openTelemetry(capture.openTelemetry())
      .rootTraceIds(capture::withRootTraceId).traces(capture::trace).build();

  /** Reserves, waits an hour, asks a child to price, then waits for approval and charges. */
  private final Agent<String, String> pricing = new Agent<>() {
    @Override
    public String run(dev.agenttrace.runtime.AgentContext ctx, String order) {
      return ctx.step("price", () -> order + ": $30");
    }

    @Override
    public String name() {
      return "Pricing";
    }
  };

  private final Agent<String, String> orders = new Agent<>() {
    @Override
    public String run(dev.agenttrace.runtime.AgentContext ctx, String order) {
      ctx.step("reserve", () -> "reserved");
      ctx.sleep(Duration.ofHours(1));
      String price = ctx.callAgent(pricing, order);
      return ctx.awaitApproval("charge").approved() ? ctx.step("charge", () -> "charged " + price) : "held";
    }

    @Override
    public String name() {
      return "Orders";
    }
  };

  @AfterEach
  void close() {
    capture.close();
  }

  private AgentRun<String> approvedRun(Crash crash) {
    AgentRun<String> run = harness.start(orders, "A-1", crash);
    if (run.status() == RunStatus.CRASHED) {
      run.recover();
    }
    run.resume();
    run.advanceTime(Duration.ofMinutes(30));
    run.approve("charge", "ada", "within budget");
    return run;
  }

  @Test
  void aHealthyRunPassesEveryDurabilityAssertion() {
    AgentRun<String> run = approvedRun(null);

    assertThat(run)
        .hasStatus(RunStatus.COMPLETED)
        .executedNothingTwice()
        .resumedExactlyOncePerWait()
        .waitedOnAtLeast("timer", Duration.ofMinutes(59))
        .waitedOnAtMost("timer", Duration.ofMinutes(61))
        .waitedOnAtLeast("approval charge", Duration.ofMinutes(30))
        .wasApprovedBy("charge", "ada")
        .hasReplayCounts(0, 2, 3, 4)
        .hasChildExecutions("Pricing");
    assertThat(run.output()).isEqualTo("charged A-1: $30");
  }

  @Test
  void failuresSayWhatWasExpectedAndWhatHappened() {
    AgentRun<String> run = approvedRun(null);

    assertThatThrownBy(() -> assertThat(run).wasApprovedBy("charge", "bob"))
        .isInstanceOf(TraceAssertionError.class)
        .hasMessageContaining("Expecting approval 'charge' of Orders (execution Orders-1) to be granted by bob\n"
            + "but it was granted by ada")
        .satisfies(error -> assertThat(((TraceAssertionError) error).markedSpanId()).isPresent());
    assertThatThrownBy(() -> assertThat(run).waitedOnAtLeast("approval charge", Duration.ofHours(2)))
        .hasMessageContaining("to wait on approval charge for at least 2h00m\nbut it waited 30m");
    assertThatThrownBy(() -> assertThat(run).wasNotApproved("charge")).hasMessageContaining("but ada granted it");
    assertThatThrownBy(() -> assertThat(run).crashedAndRecovered()).hasMessageContaining("but it has 0 crashed segment(s)");
    assertThatThrownBy(() -> assertThat(run).hasChildExecutions()).hasMessageContaining("but it started [Pricing]");
    assertThatThrownBy(() -> assertThat(run).waitedOnAtMost("event paid", Duration.ZERO))
        .hasMessageContaining("but no such wait is in its trace");
  }

  @Test
  void aCrashedRunThatRecoveredIsRecognised() {
    AgentRun<String> run = approvedRun(Crash.after(OperationKind.STEP));
    assertThat(run).crashedAndRecovered().executedNothingTwice().resumedExactlyOncePerWait();
  }

  @Test
  void workRunTwiceIsNamed() {
    AtomicInteger attempts = new AtomicInteger();
    // two steps sharing one explicit key: the journal cannot tell them apart, the runtime ran the key twice
    Agent<String, String> twice = (ctx, in) -> ctx.step("charge", "charge-key", () -> "c" + attempts.incrementAndGet())
        + ctx.step("charge", "charge-key", () -> "x");
    AgentRun<String> run = harness.start(twice, "x");
    assertThatThrownBy(() -> assertThat(run).executedNothingTwice())
        .hasMessageContaining("step charge (charge-key) in agent-1 ran 2 times");
  }

  @Test
  void survivesCrashesAtEveryPointIsAOneLiner() {
    assertThat(harness).survivesCrashesAtEveryPoint(orders, "A-1", crash -> crash.approving("charge"));

    AtomicInteger mails = new AtomicInteger();
    Agent<String, String> leaky = (ctx, in) -> {
      ctx.sleep(Duration.ofMinutes(1));
      mails.incrementAndGet();
      return "sent";
    };
    assertThatThrownBy(() -> assertThat(harness).survivesCrashesAtEveryPoint(leaky, "x",
        crash -> crash.countingEffect("mails", mails::get)))
        .isInstanceOf(TraceAssertionError.class)
        .hasMessageContaining("Expecting agent to recover exactly once from a crash at each of its 3 crash points")
        .hasMessageContaining("✗ crash before completion of agent")
        .hasMessageContaining("side effect 'mails' happened 2 times; the uncrashed run: once");
  }

  @Test
  void aFailedExplorationPrintsBothTracesWithTheCrashedSegmentMarked() {
    AtomicInteger mails = new AtomicInteger();
    Agent<String, String> leaky = (ctx, in) -> {
      ctx.sleep(Duration.ofMinutes(1));
      mails.incrementAndGet();
      return "sent";
    };
    CrashExplorationResult result = CrashExploration.of(harness, leaky, "x")
        .countingEffect("mails", mails::get).explore();
    String crashedSegment = result.firstFailure().orElseThrow().trace().segments().stream()
        .filter(segment -> segment.outcome() == SegmentOutcome.CRASHED).findFirst().orElseThrow().span().spanId();

    assertThat(result).hasCrashPointCount(3);
    assertThatThrownBy(() -> assertThat(result).recoveredAtEveryPoint())
        .isInstanceOfSatisfying(TraceAssertionError.class,
            error -> assertThat(error.markedSpanId()).contains(crashedSegment))
        .hasMessageContaining("but 1 of them did not:")
        .hasMessageContaining("Uncrashed run:")
        .hasMessageContaining("Run crashed before completion of agent (below)")
        .hasMessageContaining("◀ here");
    assertThatThrownBy(() -> assertThat(result).hasCrashPointCount(2))
        .hasMessageContaining("but it tried 3: [before timer");
  }
}
