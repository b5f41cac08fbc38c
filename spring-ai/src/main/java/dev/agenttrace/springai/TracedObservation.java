package dev.agenttrace.springai;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.opentelemetry.context.Context;

/**
 * The span an observation of Spring AI is written as, kept in the observation's own context (so it lives and dies
 * with the observation, and a handler shared by many tests holds nothing of theirs): an agent segment, a chat or a
 * tool call. Children find their parent span through their parent observations.
 */
sealed interface TracedObservation permits AgentObservation, ChatObservation, ToolObservation {
  /** The OpenTelemetry context children of this observation start their spans in. */
  Context context();

  /** Ends the span with what {@code observation} holds now that it stopped: its response, result or error. */
  void end(Observation.Context observation);

  /** The span written for {@code observation}, if this handler writes one. */
  static TracedObservation of(Observation.ContextView observation) {
    return observation.get(TracedObservation.class);
  }

  /**
   * The context to start {@code observation}'s span in: its nearest traced ancestor observation's span (observations
   * this handler does not write, such as advisors, are looked through), else the current context — where, in a
   * {@code @SpringBootTest}, the test's capture scope is.
   */
  static Context parentContext(Observation.ContextView observation) {
    TracedObservation parent = nearest(observation, TracedObservation.class);
    return parent == null ? Context.current() : parent.context();
  }

  /** The nearest ancestor of {@code observation} written as a {@code type} span, or {@code null}. */
  static <T extends TracedObservation> T nearest(Observation.ContextView observation, Class<T> type) {
    for (ObservationView parent = observation.getParentObservation(); parent != null;
        parent = parent.getContextView().getParentObservation()) {
      TracedObservation traced = of(parent.getContextView());
      if (type.isInstance(traced)) {
        return type.cast(traced);
      }
    }
    return null;
  }
}
