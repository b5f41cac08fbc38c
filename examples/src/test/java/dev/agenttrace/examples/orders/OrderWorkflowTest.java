package dev.agenttrace.examples.orders;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.trace.SegmentOutcome.COMPLETED;
import static dev.agenttrace.trace.SegmentOutcome.WAITING;

import dev.agenttrace.examples.orders.OrderWorkflow.Order;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.runtime.RunStatus;
import dev.agenttrace.trace.Step;
import dev.agenttrace.trace.WaitKind;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A workflow with journaled steps and a timer: every step runs once, the timer costs no real time. */
@AgentTest(golden = true)
class OrderWorkflowTest {
  private final CountingWarehouse warehouse = new CountingWarehouse();
  private final Order order = new Order("order-42", "sku-7", 2, 4_998);

  @Test
  void shipsAfterTheShippingWindowWithEachStepRunOnce(AgentHarness harness) {
    AgentRun<String> run = harness.start(new OrderWorkflow(warehouse, Duration.ofHours(6)), order);

    assertThat(run.status()).isEqualTo(RunStatus.WAITING);
    assertThat(run.waitingOn()).get().extracting(wait -> wait.kind()).isEqualTo(WaitKind.TIMER);
    run.advanceTime(Duration.ofHours(5));
    assertThat(run.status()).isEqualTo(RunStatus.WAITING);
    run.advanceTime(Duration.ofHours(1));

    assertThat(run.output()).isEqualTo("order-42 shipped as TRACK-1 (payment-1 for 4998 cents)");
    assertThat(warehouse.reservations).hasValue(1);
    assertThat(warehouse.charges).hasValue(1);
    assertThat(run.trace())
        .hasSegmentOutcomes(WAITING, COMPLETED)
        .hasNoErrors()
        .segment(0).isWaitingOn(WaitKind.TIMER);
    assertThat(run.trace().steps()).extracting(Step::name).containsExactly("reserve-stock", "charge-card", "ship");
    assertThat(run.trace().segments().get(1).replayed()).isEqualTo(3);
  }

  @Test
  void harnessRunSkipsTheTimerByItself(AgentHarness harness) {
    AgentRun<String> run = harness.run(new OrderWorkflow(warehouse, Duration.ofDays(3)), order);

    assertThat(run.output()).startsWith("order-42 shipped");
    assertThat(run.trace().segments().get(1).resumeInfo()).get()
        // measured from the end of the first segment, which closes a moment after the timer was set
        .satisfies(resume -> assertThat(resume.waited()).isBetween(Duration.ofDays(3).minusSeconds(1),
            Duration.ofDays(3).plusSeconds(1)));
  }

  /** Counts how often each side effect really ran. */
  static final class CountingWarehouse implements OrderWorkflow.Warehouse {
    final AtomicInteger reservations = new AtomicInteger();
    final AtomicInteger charges = new AtomicInteger();
    final AtomicInteger shipments = new AtomicInteger();

    @Override
    public String reserve(String sku, int quantity) {
      return "reservation-" + reservations.incrementAndGet() + " of " + quantity + " " + sku;
    }

    @Override
    public String charge(String orderId, long amountCents) {
      return "payment-" + charges.incrementAndGet() + " for " + amountCents + " cents";
    }

    @Override
    public String ship(String reservation) {
      return "TRACK-" + shipments.incrementAndGet();
    }
  }
}
