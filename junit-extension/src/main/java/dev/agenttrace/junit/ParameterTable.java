package dev.agenttrace.junit;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.golden.GoldenTraces;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.VirtualClock;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import dev.agenttrace.stubs.anthropic.AnthropicStub;
import dev.agenttrace.stubs.gemini.GeminiStub;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import io.opentelemetry.api.OpenTelemetry;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every parameter {@link AgentTest} injects, in one table: which declared parameter each row accepts and how it is
 * resolved from the test's {@link TestScope}. {@code supportsParameter} and {@code resolveParameter} both read it,
 * so a parameter type cannot be supported without being resolvable, or the other way round.
 */
final class ParameterTable {
  private static final List<Row> ROWS = List.of(
      Row.ofType(AgentHarness.class, TestScope::harness),
      Row.ofType(LlmStub.class, TestScope::llm),
      Row.ofType(ToolStubs.class, TestScope::tools),
      Row.ofType(TraceCapture.class, TestScope::capture),
      Row.ofType(AgentTrace.class, TestScope::trace),
      Row.ofType(OpenTelemetry.class, scope -> scope.capture().openTelemetry()),
      Row.ofType(VirtualClock.class, TestScope::clock),
      Row.ofType(GoldenTraces.class, scope -> GoldenSupport.forTest(scope.test())),
      Row.ofType(OpenAiStub.class, scope -> scope.httpStubs().resolve(OpenAiStub.class)),
      Row.ofType(AnthropicStub.class, scope -> scope.httpStubs().resolve(AnthropicStub.class)),
      Row.ofType(GeminiStub.class, scope -> scope.httpStubs().resolve(GeminiStub.class)),
      new Row(ParameterTable::isTraceSupplier, scope -> (Supplier<AgentTrace>) scope::trace),
      // by name: the OTLP artifact is optional, its classes are loaded only when a test asks for a receiver
      new Row(parameter -> parameter.getType().getName().equals(OtlpSupport.RECEIVER_TYPE), TestScope::otlpReceiver));

  private ParameterTable() {}

  /** The row that resolves {@code parameter}, empty when AgentTrace does not inject it. */
  static Optional<Row> rowFor(Parameter parameter) {
    return ROWS.stream().filter(row -> row.accepts().test(parameter)).findFirst();
  }

  private static boolean isTraceSupplier(Parameter parameter) {
    Type type = parameter.getParameterizedType();
    return type instanceof ParameterizedType parameterized
        && parameterized.getRawType() == Supplier.class
        && parameterized.getActualTypeArguments()[0] == AgentTrace.class;
  }

  /** One injectable parameter: which declared parameters it accepts, and how its value comes from the scope. */
  record Row(Predicate<Parameter> accepts, Function<TestScope, Object> resolve) {
    static Row ofType(Class<?> type, Function<TestScope, Object> resolve) {
      return new Row(parameter -> parameter.getType() == type, resolve);
    }
  }
}
