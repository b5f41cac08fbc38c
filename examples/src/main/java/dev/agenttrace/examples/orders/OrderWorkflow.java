package dev.agenttrace.examples.orders;

import dev.agenttrace.runtime.Agent;
import dev.agenttrace.runtime.AgentContext;
import dev.agenttrace.runtime.ExecutionKind;
import java.time.Duration;

/**
 * A multi-step workflow: reserve stock and charge the card as journaled steps, wait for the next shipping window
 * on a timer, then ship. Each step runs exactly once, whatever happens between segments.
 */
public final class OrderWorkflow implements Agent<OrderWorkflow.Order, String> {
  /** What the workflow fulfils. */
  public record Order(String id, String sku, int quantity, long amountCents) {}

  private final Warehouse warehouse;
  private final Duration shippingWindow;

  public OrderWorkflow(Warehouse warehouse, Duration shippingWindow) {
    this.warehouse = warehouse;
    this.shippingWindow = shippingWindow;
  }

  @Override
  public String run(AgentContext ctx, Order order) {
    String reservation = ctx.step("reserve-stock", () -> warehouse.reserve(order.sku(), order.quantity()));
    String payment = ctx.step("charge-card", () -> warehouse.charge(order.id(), order.amountCents()));
    ctx.sleep(shippingWindow);
    String tracking = ctx.step("ship", () -> warehouse.ship(reservation));
    return order.id() + " shipped as " + tracking + " (" + payment + ")";
  }

  @Override
  public String name() {
    return "OrderWorkflow";
  }

  @Override
  public ExecutionKind kind() {
    return ExecutionKind.WORKFLOW;
  }

  /** The side effects the workflow performs; tests count how often each one really ran. */
  public interface Warehouse {
    String reserve(String sku, int quantity);

    String charge(String orderId, long amountCents);

    String ship(String reservation);
  }
}
