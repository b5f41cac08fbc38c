package dev.agenttrace.junit;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the extension works out once per test, when it starts, and every part reads from then on: who the test is
 * ({@link TestIdentity}), its settings (annotation, builder and configuration parameters, the CI flag) and where
 * its files go. Nothing else in the extension reads configuration parameters, the environment or the test's names.
 *
 * @param identity who the test is
 * @param settings its settings
 * @param traceFile where its trace text file is written
 * @param reportFile where its HTML report is written, when the report mode asks for one
 */
record PerTestContext(TestIdentity identity, ExtensionSettings settings, Path traceFile, Path reportFile) {

  static PerTestContext resolve(ExtensionContext context, AgentTraceExtension.Builder explicit) {
    TestIdentity identity = TestIdentity.of(context);
    ExtensionSettings settings = ExtensionSettings.resolve(context, explicit);
    Path traceFile = new TraceFiles(settings.traceDirectory(), TraceFiles.TRACE_SUFFIX).fileFor(identity);
    Path reportFile = new TraceFiles(settings.reportDirectory(), TraceFiles.REPORT_SUFFIX).fileFor(identity);
    return new PerTestContext(identity, settings, traceFile, reportFile);
  }

  /** Where the report of the test will be, or empty when none is written for a test that {@code fails} or not. */
  Optional<Path> plannedReport(boolean fails) {
    return switch (settings.reportMode()) {
      case NEVER -> Optional.empty();
      case ON_FAILURE -> fails ? Optional.of(reportFile) : Optional.empty();
      case ALWAYS -> Optional.of(reportFile);
    };
  }
}
