package dev.agenttrace.junit;

import dev.agenttrace.capture.CaptureScope;
import dev.agenttrace.capture.SharedCapture;
import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.golden.GoldenTraces;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.VirtualClock;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.UnfinishedSpan;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Scope;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The JUnit Jupiter extension behind {@link AgentTest}: gives each test its own capture, stubs and harness (kept in
 * the test's {@code ExtensionContext.Store}, never in statics, so parallel tests never see each other's spans),
 * resolves them as parameters, adds the trace tree to a failing test's message, writes each test's trace file and
 * HTML report ({@link ReportSupport}), and fails tests that leave spans open.
 *
 * <p>Register it with {@code @AgentTest}, {@code @ExtendWith(AgentTraceExtension.class)}, or configured in code:
 * <pre>{@code
 * @RegisterExtension
 * static AgentTraceExtension agentTrace = AgentTraceExtension.builder().globalOpenTelemetry(true).build();
 * }</pre>
 */
public final class AgentTraceExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler,
        InvocationInterceptor {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(AgentTraceExtension.class);
  private static final String SCOPE = "scope";

  private final Builder explicitSettings;

  /** Used by {@code @AgentTest} / {@code @ExtendWith}: settings come from the annotation and configuration. */
  public AgentTraceExtension() {
    this(null);
  }

  private AgentTraceExtension(Builder explicitSettings) {
    this.explicitSettings = explicitSettings;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ExtensionSettings settings = ExtensionSettings.resolve(context, explicitSettings);
    CaptureScope globalScope = null;
    if (settings.globalOpenTelemetry()) {
      SharedCapture shared = SharedCapture.global();
      context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(UnattributedSpansReport.class,
          type -> new UnattributedSpansReport(shared, System.err::println), UnattributedSpansReport.class);
      globalScope = shared.openScope(context.getUniqueId());
    }
    context.getStore(NAMESPACE).put(SCOPE, new TestScope(settings, globalScope, Cassettes.from(context)));
  }

  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext) throws Throwable {
    runInScope(invocation, extensionContext);
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
    runInScope(invocation, extensionContext);
  }

  @SuppressWarnings("try") // the scope is held open for its side effect: the capture scope is current
  private static void runInScope(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
    TestScope scope = scope(context);
    if (scope.globalScope() == null) {
      invocation.proceed();
      return;
    }
    try (Scope ignored = scope.globalScope().makeCurrent()) {
      invocation.proceed();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestScope scope = scope(context);
    ExtensionSettings settings = ExtensionSettings.resolve(context, explicitSettings);
    List<String> unused = scope.llm().unusedStubs();
    if (!unused.isEmpty()) {
      context.publishReportEntry("agenttrace.unused-llm-stubs", String.join("; ", unused));
    }
    AgentTrace trace = scope.trace();
    ReportSupport reports = ReportSupport.from(context);
    List<UnfinishedSpan> unfinished = trace.unfinishedSpans();
    String unfinishedFailure = !unfinished.isEmpty() && settings.failOnUnfinishedSpans()
        && context.getExecutionException().isEmpty()
        ? FailureMessages.unfinishedSpans(context.getDisplayName(), trace, file(context),
            reports.plannedFile(context, true).orElse(null), ExtensionSettings.redaction(context))
        : null;
    AssertionError goldenMismatch = settings.golden() ? GoldenSupport.mismatchAfterTest(context, trace) : null;
    if (!trace.isEmpty()) {
      Path file = TraceFiles.from(context).write(context, trace);
      context.publishReportEntry("agenttrace.trace", file.toString());
      reports.afterTest(context, trace, unfinishedFailure, goldenMismatch);
    }
    if (unfinishedFailure != null) {
      throw new AssertionError(unfinishedFailure);
    }
    if (context.getExecutionException().isEmpty()) {
      scope.httpStubs().verifyNoUnmatchedRequests();
    }
    if (goldenMismatch != null) {
      throw reports.plannedFile(context, true)
          .map(report -> FailureMessages.withReportPath(goldenMismatch, report))
          .orElse(goldenMismatch);
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    TestScope scope = context.getStore(NAMESPACE).get(SCOPE, TestScope.class);
    if (scope == null) {
      throw throwable;
    }
    throw FailureMessages.withTrace(throwable, context.getDisplayName(), scope.trace(),
        TraceFiles.from(context).fileFor(context), ReportSupport.from(context).plannedFile(context, true).orElse(null),
        ExtensionSettings.redaction(context));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == AgentHarness.class || type == LlmStub.class || type == ToolStubs.class
        || type == TraceCapture.class || type == AgentTrace.class || type == OpenTelemetry.class
        || type == VirtualClock.class || type == GoldenTraces.class || isTraceSupplier(parameterContext)
        || HttpStubSupport.supports(type);
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    TestScope scope = extensionContext.getStore(NAMESPACE).get(SCOPE, TestScope.class);
    if (scope == null) {
      throw new ParameterResolutionException("AgentTrace parameters are available to test methods and their "
          + "@BeforeEach/@AfterEach methods, not to " + parameterContext.getDeclaringExecutable());
    }
    Class<?> type = parameterContext.getParameter().getType();
    if (type == AgentHarness.class) {
      return scope.harness();
    } else if (type == LlmStub.class) {
      return scope.llm();
    } else if (type == ToolStubs.class) {
      return scope.tools();
    } else if (type == TraceCapture.class) {
      return scope.capture();
    } else if (type == AgentTrace.class) {
      return scope.trace();
    } else if (type == OpenTelemetry.class) {
      return scope.capture().openTelemetry();
    } else if (type == VirtualClock.class) {
      return scope.clock();
    } else if (HttpStubSupport.supports(type)) {
      return scope.httpStubs().resolve(type);
    } else if (type == GoldenTraces.class) {
      return GoldenSupport.forTest(extensionContext);
    }
    Supplier<AgentTrace> supplier = scope::trace;
    return supplier;
  }

  private static boolean isTraceSupplier(ParameterContext parameterContext) {
    Type type = parameterContext.getParameter().getParameterizedType();
    return type instanceof ParameterizedType parameterized
        && parameterized.getRawType() == Supplier.class
        && parameterized.getActualTypeArguments()[0] == AgentTrace.class;
  }

  private static Path file(ExtensionContext context) {
    return TraceFiles.from(context).fileFor(context);
  }

  private static TestScope scope(ExtensionContext context) {
    TestScope scope = context.getStore(NAMESPACE).get(SCOPE, TestScope.class);
    if (scope == null) {
      throw new IllegalStateException("No AgentTrace scope for " + context.getUniqueId());
    }
    return scope;
  }

  /** Configures an {@link AgentTraceExtension} in code, for {@code @RegisterExtension}. */
  public static final class Builder {
    boolean globalOpenTelemetry;
    boolean failOnUnfinishedSpans = true;
    boolean recordStartSites;
    boolean golden;

    private Builder() {}

    /** See {@link AgentTest#globalOpenTelemetry()}. */
    public Builder globalOpenTelemetry(boolean enabled) {
      this.globalOpenTelemetry = enabled;
      return this;
    }

    /** See {@link AgentTest#failOnUnfinishedSpans()}. */
    public Builder failOnUnfinishedSpans(boolean enabled) {
      this.failOnUnfinishedSpans = enabled;
      return this;
    }

    /**
     * Record where every span starts, so that a span left open is reported with its call site. Costs a stack walk
     * per span; also enabled by the configuration parameter {@code agenttrace.capture.start-sites=true}.
     */
    public Builder recordStartSites(boolean enabled) {
      this.recordStartSites = enabled;
      return this;
    }

    /** See {@link AgentTest#golden()}. */
    public Builder golden(boolean enabled) {
      this.golden = enabled;
      return this;
    }

    public AgentTraceExtension build() {
      Builder copy = new Builder();
      copy.golden = golden;
      copy.globalOpenTelemetry = globalOpenTelemetry;
      copy.failOnUnfinishedSpans = failOnUnfinishedSpans;
      copy.recordStartSites = recordStartSites;
      return new AgentTraceExtension(copy);
    }
  }
}
