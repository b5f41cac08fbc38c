package dev.agenttrace.junit;

import dev.agenttrace.capture.CaptureScope;
import dev.agenttrace.capture.SharedCapture;
import dev.agenttrace.files.AtomicFiles;
import dev.agenttrace.golden.GoldenResult;
import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.UnfinishedSpan;
import io.opentelemetry.context.Scope;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
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
 * HTML report ({@link ReportSupport}), fails tests that leave spans open and, on request, explores each passing
 * test's runs at every crash point ({@link CrashExplorationSupport}).
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
  private static final Logger UNATTRIBUTED = Logger.getLogger(UnattributedSpansReport.class.getName());

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
    PerTestContext test = PerTestContext.resolve(context, explicitSettings);
    CaptureScope globalScope = null;
    if (test.settings().globalOpenTelemetry()) {
      SharedCapture shared = SharedCapture.global();
      context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(UnattributedSpansReport.class,
          type -> new UnattributedSpansReport(shared, UNATTRIBUTED::warning), UnattributedSpansReport.class);
      globalScope = shared.openScope(context.getUniqueId());
    }
    context.getStore(NAMESPACE).put(SCOPE, new TestScope(test, globalScope));
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
    } else {
      try (Scope ignored = scope.globalScope().makeCurrent()) {
        invocation.proceed();
      }
    }
    CrashExplorationSupport.afterPassingTest(scope);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestScope scope = scope(context);
    PerTestContext test = scope.test();
    List<String> unused = scope.llm().unusedStubs();
    if (!unused.isEmpty()) {
      context.publishReportEntry("agenttrace.unused-llm-stubs", String.join("; ", unused));
    }
    AgentTrace trace = scope.trace();
    List<UnfinishedSpan> unfinished = trace.unfinishedSpans();
    String unfinishedFailure = !unfinished.isEmpty() && test.settings().failOnUnfinishedSpans()
        && context.getExecutionException().isEmpty()
        ? FailureMessages.unfinishedSpans(test.identity().displayName(), trace, test.traceFile(),
            test.plannedReport(true).orElse(null), test.settings().redaction())
        : null;
    Optional<GoldenResult> golden = test.settings().golden()
        ? GoldenSupport.compareAfterTest(context, test, trace)
        : Optional.empty();
    if (!trace.isEmpty()) {
      RedactionPolicy redaction = test.settings().redaction();
      Path file = AtomicFiles.write(test.traceFile(),
          redaction.redactPlainText(test.identity().displayName()) + "\n" + trace.toTreeString(redaction, null));
      context.publishReportEntry("agenttrace.trace", file.toString());
      PlatformFiles.publish(context, file, PlatformFiles.TEXT);
      ReportSupport.afterTest(context, test, trace, unfinishedFailure, golden);
      if (OtlpSupport.wantedAfterTest(test.settings())) {
        OtlpSupport.afterTest(context, test, trace);
      }
    }
    if (unfinishedFailure != null) {
      throw new AssertionError(unfinishedFailure);
    }
    if (context.getExecutionException().isEmpty()) {
      scope.httpStubs().verifyNoUnmatchedRequests();
    }
    Optional<GoldenResult> goldenFailure = golden.filter(GoldenResult::failed);
    if (goldenFailure.isPresent()) {
      String message = goldenFailure.get().message();
      throw new AssertionError(test.plannedReport(true).map(report -> message + "\nHTML report: " + report)
          .orElse(message));
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    TestScope scope = context.getStore(NAMESPACE).get(SCOPE, TestScope.class);
    if (scope == null) {
      throw throwable;
    }
    PerTestContext test = scope.test();
    throw FailureMessages.withTrace(throwable, test.identity().displayName(), scope.trace(), test.traceFile(),
        test.plannedReport(true).orElse(null), test.settings().redaction());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return ParameterTable.rowFor(parameterContext.getParameter()).isPresent()
        || adapters(extensionContext).factoryFor(parameterContext.getParameter().getType()).isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    TestScope scope = extensionContext.getStore(NAMESPACE).get(SCOPE, TestScope.class);
    if (scope == null) {
      throw new ParameterResolutionException("AgentTrace parameters are available to test methods and their "
          + "@BeforeEach/@AfterEach methods, not to " + parameterContext.getDeclaringExecutable());
    }
    Optional<ParameterTable.Row> row = ParameterTable.rowFor(parameterContext.getParameter());
    if (row.isPresent()) {
      return row.get().resolve().apply(scope);
    }
    return adapters(extensionContext).factoryFor(parameterContext.getParameter().getType())
        .map(scope::adapter)
        .orElseThrow(() -> new ParameterResolutionException("AgentTrace does not inject " + parameterContext));
  }

  /** The framework adapters on the class path, found once per test run. */
  private static TracingAdapters adapters(ExtensionContext context) {
    ClassLoader loader = context.getRequiredTestClass().getClassLoader();
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(TracingAdapters.class,
        type -> TracingAdapters.load(loader), TracingAdapters.class);
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
    boolean crashExploration;

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

    /** See {@link AgentTest#crashExploration()}. */
    public Builder crashExploration(boolean enabled) {
      this.crashExploration = enabled;
      return this;
    }

    public AgentTraceExtension build() {
      Builder copy = new Builder();
      copy.golden = golden;
      copy.crashExploration = crashExploration;
      copy.globalOpenTelemetry = globalOpenTelemetry;
      copy.failOnUnfinishedSpans = failOnUnfinishedSpans;
      copy.recordStartSites = recordStartSites;
      return new AgentTraceExtension(copy);
    }
  }
}
