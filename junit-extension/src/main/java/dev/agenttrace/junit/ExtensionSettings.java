package dev.agenttrace.junit;

import dev.agenttrace.golden.GoldenTraces;
import dev.agenttrace.redaction.RedactionPolicy;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The settings of one test, resolved once when it starts: from (highest first) an explicitly built extension, the
 * {@link AgentTest} annotation on the method or class, and the {@code agenttrace.*} JUnit configuration parameters
 * (which fall back to system properties, so {@code mvn verify -Dagenttrace.report.mode=never} works).
 *
 * @param globalOpenTelemetry see {@link AgentTest#globalOpenTelemetry()}
 * @param failOnUnfinishedSpans see {@link AgentTest#failOnUnfinishedSpans()}
 * @param recordStartSites record where each span starts ({@value #START_SITES_PARAMETER})
 * @param golden see {@link AgentTest#golden()}
 * @param crashExploration see {@link AgentTest#crashExploration()}
 * @param onCi true on CI ({@code CI=true}, overridden by {@value #CI_PARAMETER}): goldens are read-only and
 *     cassettes are never recorded
 * @param reportMode when HTML reports are written ({@value #REPORT_MODE_PARAMETER})
 * @param reportDirectory where they go ({@value #REPORT_DIR_PARAMETER})
 * @param traceDirectory where trace text files go ({@value #TRACE_DIR_PARAMETER})
 * @param parameters every other configuration parameter, by key (golden mode and folder, cassettes)
 * @param redaction the run's redaction policy: the built-in rules plus {@code agenttrace.redaction.keys},
 *     {@code .patterns} and {@code .allow}, read once per run; applied to everything the test writes
 * @param goldens the run's golden trace settings, not yet bound to a test; built when a test first needs them (a
 *     malformed golden mode fails only the tests that use goldens)
 */
record ExtensionSettings(boolean globalOpenTelemetry, boolean failOnUnfinishedSpans, boolean recordStartSites,
    boolean golden, boolean crashExploration, boolean onCi, ReportMode reportMode, Path reportDirectory, Path traceDirectory,
    Function<String, Optional<String>> parameters, RedactionPolicy redaction, Lazy<GoldenTraces> goldens) {

  static final String START_SITES_PARAMETER = "agenttrace.capture.start-sites";
  /** Overrides the {@code CI} environment variable (e.g. {@code false} to write goldens in a CI-like shell). */
  static final String CI_PARAMETER = "agenttrace.golden.ci";
  static final String REPORT_MODE_PARAMETER = "agenttrace.report.mode";
  static final String REPORT_DIR_PARAMETER = "agenttrace.report.dir";
  static final String DEFAULT_REPORT_DIR = "target/agenttrace-reports";
  static final String TRACE_DIR_PARAMETER = "agenttrace.trace.dir";
  static final String DEFAULT_TRACE_DIR = "target/agenttrace-traces";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExtensionSettings.class);

  /** When HTML reports are written. */
  enum ReportMode {
    ALWAYS, ON_FAILURE, NEVER;

    static ReportMode parse(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException unknown) {
        throw new IllegalArgumentException("Unknown " + REPORT_MODE_PARAMETER + " '" + value
            + "'; expected always, on-failure or never", unknown);
      }
    }
  }

  static ExtensionSettings resolve(ExtensionContext context, AgentTraceExtension.Builder explicit) {
    Function<String, Optional<String>> parameters = context::getConfigurationParameter;
    ExtensionContext root = context.getRoot();
    RunWide run = root.getStore(NAMESPACE).getOrComputeIfAbsent(RunWide.class,
        type -> RunWide.of(root::getConfigurationParameter), RunWide.class);
    if (explicit != null) {
      return new ExtensionSettings(explicit.globalOpenTelemetry, explicit.failOnUnfinishedSpans,
          explicit.recordStartSites || run.startSites(), explicit.golden, explicit.crashExploration, run.onCi(),
          run.reportMode(), run.reportDirectory(), run.traceDirectory(), parameters, run.redaction(), run.goldens());
    }
    Optional<AgentTest> annotation = AnnotationSupport.findAnnotation(context.getElement(), AgentTest.class)
        .or(() -> context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, AgentTest.class)));
    return new ExtensionSettings(
        annotation.map(AgentTest::globalOpenTelemetry).orElse(false),
        annotation.map(AgentTest::failOnUnfinishedSpans).orElse(true),
        run.startSites(),
        annotation.map(AgentTest::golden).orElse(false),
        annotation.map(AgentTest::crashExploration).orElse(false),
        run.onCi(), run.reportMode(), run.reportDirectory(), run.traceDirectory(), parameters, run.redaction(),
        run.goldens());
  }

  /**
   * The settings that come from configuration parameters only, the same for every test of a run: read once, when
   * the run's first agent test starts, and kept in the root store.
   */
  private record RunWide(boolean startSites, boolean onCi, ReportMode reportMode, Path reportDirectory,
      Path traceDirectory, RedactionPolicy redaction, Lazy<GoldenTraces> goldens) {

    static RunWide of(Function<String, Optional<String>> parameters) {
      boolean onCi = "true".equalsIgnoreCase(parameters.apply(CI_PARAMETER).orElse(System.getenv("CI")));
      RedactionPolicy redaction = RedactionPolicy.fromSettings(name -> parameters.apply(name).orElse(null));
      return new RunWide(
          parameters.apply(START_SITES_PARAMETER).map(Boolean::parseBoolean).orElse(false),
          onCi,
          parameters.apply(REPORT_MODE_PARAMETER).map(ReportMode::parse).orElse(ReportMode.ALWAYS),
          directory(parameters, REPORT_DIR_PARAMETER, DEFAULT_REPORT_DIR),
          directory(parameters, TRACE_DIR_PARAMETER, DEFAULT_TRACE_DIR),
          redaction,
          new Lazy<>(() -> GoldenSupport.goldenTraces(parameters, onCi, redaction)));
    }
  }

  /** The configuration parameter {@code key}, empty when it is not set. */
  Optional<String> parameter(String key) {
    return parameters.apply(key);
  }

  private static Path directory(Function<String, Optional<String>> parameters, String key, String fallback) {
    return Path.of(parameters.apply(key).orElse(fallback)).toAbsolutePath().normalize();
  }
}
