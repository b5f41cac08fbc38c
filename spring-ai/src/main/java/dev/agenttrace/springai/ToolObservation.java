package dev.agenttrace.springai;

import dev.agenttrace.trace.ToolSpan;
import io.micrometer.observation.Observation;
import io.opentelemetry.context.Context;
import org.springframework.ai.tool.execution.ToolExecutionException;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * A tool run written as an {@code execute_tool {tool}} span: arguments and call id at the start, at the end the result,
 * or the error — the exception that left the observation, or the one {@link ToolFailureRecorder} noted when Spring AI
 * turned it into a result for the model (then also that reply, as the result). Either way the span records what the
 * tool threw, not Spring AI's wrapper.
 */
final class ToolObservation implements TracedObservation {
  private final ToolSpan span;

  ToolObservation(ToolSpan span) {
    this.span = span;
  }

  @Override
  public Context context() {
    return span.context();
  }

  @Override
  public void end(Observation.Context observation) {
    Throwable error = observation.getError();
    ToolFailureRecorder.ToolFailure noted = observation.get(ToolFailureRecorder.ToolFailure.class);
    if (error != null) {
      span.fail(error instanceof ToolExecutionException && error.getCause() != null ? error.getCause() : error);
    } else if (noted != null) {
      span.endFailed(noted.thrown(), ((ToolCallingObservationContext) observation).getToolCallResult());
    } else {
      span.end(((ToolCallingObservationContext) observation).getToolCallResult());
    }
  }
}
