package dev.agenttrace.stubs.http;

import dev.agenttrace.llm.LlmException;

/**
 * The chaos drawn for one request: a fault or none, and a number in [0, 1) that places a stream fault. Applying it
 * logs the injected fault with the detail that was used.
 *
 * @param engine the engine that drew it (its seed and log)
 * @param request the request number
 * @param fault the fault, {@code null} for none
 * @param position where in a stream the fault lands, from 0 (first event) to 1 (last)
 */
record ChaosDraw(ChaosEngine engine, int request, Chaos.Fault fault, double position) {
  boolean is(Chaos.Fault kind) {
    return fault == kind;
  }

  /** The same draw with no fault: for a fault that could not apply to the answer. */
  ChaosDraw withoutFault() {
    return new ChaosDraw(engine, request, null, position);
  }

  long seed() {
    return engine.chaos().seed();
  }

  /** Logs the fault as injected and returns the exception that stands for it in spans and messages. */
  LlmException inject(String errorType, int status, String detail) {
    engine.injected(new InjectedFault(request, fault, detail));
    return new LlmException(errorType, status, message(detail));
  }

  /** The message of an injected fault: what happened, and the seed that reproduces it. */
  String message(String detail) {
    return "Injected by AgentTrace chaos: " + detail + " (request #" + request + ", " + engine.chaos() + ")";
  }
}
