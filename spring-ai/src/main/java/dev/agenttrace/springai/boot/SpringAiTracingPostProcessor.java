package dev.agenttrace.springai.boot;

import dev.agenttrace.springai.SpringAiObservationHandler;
import dev.agenttrace.springai.ToolFailureRecorder;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;

/**
 * Adds the span-writing {@link SpringAiObservationHandler} to each {@link ObservationRegistry} bean once (not as an
 * {@code ObservationHandler} bean, which Spring Boot's observation auto-configuration would register a second time),
 * and wraps each {@link ToolExecutionExceptionProcessor} bean in a {@link ToolFailureRecorder}.
 */
final class SpringAiTracingPostProcessor implements BeanPostProcessor {
  private final SpringAiObservationHandler handler;
  private final Supplier<ObservationRegistry> registry;

  SpringAiTracingPostProcessor(SpringAiObservationHandler handler, Supplier<ObservationRegistry> registry) {
    this.handler = handler;
    this.registry = registry;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof ObservationRegistry observations && observations != ObservationRegistry.NOOP) {
      observations.observationConfig().observationHandler(handler);
    }
    if (bean instanceof ToolExecutionExceptionProcessor processor && !(bean instanceof ToolFailureRecorder)) {
      return new ToolFailureRecorder(processor, registry);
    }
    return bean;
  }
}
