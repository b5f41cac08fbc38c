package dev.agenttrace.springai;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.capture.TracingAdapterFactory;

/**
 * Makes {@link SpringAiTracing} an {@code @AgentTest} parameter: registered in
 * {@code META-INF/services/dev.agenttrace.capture.TracingAdapterFactory}, so each test that declares one gets its own,
 * writing into that test's capture.
 */
public final class SpringAiTracingFactory implements TracingAdapterFactory<SpringAiTracing> {
  @Override
  public Class<SpringAiTracing> adapterType() {
    return SpringAiTracing.class;
  }

  @Override
  public SpringAiTracing create(TraceCapture capture) {
    return SpringAiTracing.of(capture);
  }
}
