package dev.agenttrace.springai;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.ai.tool.execution.ToolExecutionException;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * A {@link ToolExecutionExceptionProcessor} that first notes the failure on the running tool observation, then lets
 * {@code delegate} decide as before (by default Spring AI sends the error message back to the model as the tool's
 * result). Without it a failing tool looks like a tool that succeeded with an error message: Spring AI handles the
 * exception inside the observation, which never sees it. With it, the tool's {@code execute_tool} span is an error
 * with the exception the tool threw.
 *
 * <pre>{@code
 * ToolCallingManager manager = ToolCallingManager.builder()
 *     .observationRegistry(registry)
 *     .toolExecutionExceptionProcessor(new ToolFailureRecorder(myProcessor, () -> registry))
 *     .build();
 * }</pre>
 *
 * {@link SpringAiTracing#toolCallingManager()} and the Spring Boot test auto-configuration install it already.
 */
public final class ToolFailureRecorder implements ToolExecutionExceptionProcessor {
  private final ToolExecutionExceptionProcessor delegate;
  private final Supplier<ObservationRegistry> registry;

  /** Notes failures on the tool observation current in {@code registry}, then hands them to {@code delegate}. */
  public ToolFailureRecorder(ToolExecutionExceptionProcessor delegate, Supplier<ObservationRegistry> registry) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public String process(ToolExecutionException exception) {
    Observation current = registry.get().getCurrentObservation();
    if (current != null && current.getContext() instanceof ToolCallingObservationContext tool) {
      tool.put(ToolFailure.class, new ToolFailure(exception));
    }
    return delegate.process(exception);
  }

  /** The processor this one hands failures to. */
  public ToolExecutionExceptionProcessor delegate() {
    return delegate;
  }

  /** A tool's failure noted on its observation: what the tool threw (the cause Spring AI wrapped). */
  record ToolFailure(ToolExecutionException exception) {
    Throwable thrown() {
      return exception.getCause() == null ? exception : exception.getCause();
    }
  }
}
