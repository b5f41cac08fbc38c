package dev.agenttrace.capture;

/**
 * Builds a framework adapter bound to one test's {@link TraceCapture}: the object a test uses to route a framework's
 * own listeners or observations (LangChain4j, Spring AI …) into its trace. An adapter module registers its factory
 * in {@code META-INF/services/dev.agenttrace.capture.TracingAdapterFactory}; {@code @AgentTest} then injects
 * {@link #adapterType()} as a test parameter, one instance per test (the same in {@code @BeforeEach} and the test
 * method), and closes it when the test ends if it is {@link AutoCloseable}.
 *
 * <p>Implementations are stateless: everything a test owns lives in the adapter they create.
 *
 * @param <T> the adapter type tests declare as a parameter
 */
public interface TracingAdapterFactory<T> {
  /** The parameter type this factory creates. */
  Class<T> adapterType();

  /** A new adapter writing into {@code capture}: the spans it writes appear in that test's trace only. */
  T create(TraceCapture capture);
}
