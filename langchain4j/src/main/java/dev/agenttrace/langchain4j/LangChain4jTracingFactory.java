package dev.agenttrace.langchain4j;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.capture.TracingAdapterFactory;

/**
 * Makes {@link LangChain4jTracing} an {@code @AgentTest} parameter: registered as a {@link TracingAdapterFactory}
 * service, so each test gets a tracing writing into its own capture. Not called directly.
 */
public final class LangChain4jTracingFactory implements TracingAdapterFactory<LangChain4jTracing> {
  @Override
  public Class<LangChain4jTracing> adapterType() {
    return LangChain4jTracing.class;
  }

  @Override
  public LangChain4jTracing create(TraceCapture capture) {
    return LangChain4jTracing.of(capture);
  }
}
