package dev.agenttrace.runtime;

/** Unwinds the agent when a planned {@link Crash} fires: control flow, so no stack trace. */
final class SimulatedCrash extends Error {
  private static final long serialVersionUID = 1L;

  private final String operation;

  SimulatedCrash(String operation) {
    super("simulated crash before " + operation, null, false, false);
    this.operation = operation;
  }

  String operation() {
    return operation;
  }
}
