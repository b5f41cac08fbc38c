package dev.agenttrace.junit;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.runtime.CrashExploration;
import dev.agenttrace.runtime.CrashExplorationResult;
import dev.agenttrace.runtime.RunStatus;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @AgentTest(crashExploration = true)}: after a test passed, explores each completed run of its harness at
 * every crash point, on a harness and capture of its own over the test's stubs (so the test's trace, golden file and
 * report stay as they were). A failing exploration fails the test with the crash points and both traces, and writes
 * an HTML report of the uncrashed and of the first failing crashed run next to the test's report.
 */
final class CrashExplorationSupport {
  private CrashExplorationSupport() {}

  static void afterPassingTest(TestScope scope, ExtensionContext context) {
    if (!enabled(context)) {
      return;
    }
    for (AgentRun<?> run : scope.harness().runs()) {
      if (run.status() == RunStatus.COMPLETED) {
        explore(scope, run);
      }
    }
  }

  private static boolean enabled(ExtensionContext context) {
    Optional<AgentTest> onMethod = context.getTestMethod()
        .flatMap(method -> AnnotationSupport.findAnnotation(method, AgentTest.class));
    Optional<AgentTest> annotation = onMethod.isPresent() ? onMethod
        : context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, AgentTest.class));
    return annotation.map(AgentTest::crashExploration).orElse(false);
  }

  private static void explore(TestScope scope, AgentRun<?> run) {
    try (TraceCapture capture = TraceCapture.builder().clock(scope.clock()).build()) {
      AgentHarness harness = AgentHarness.builder().llm(scope.llm()).tools(scope.tools())
          .openTelemetry(capture.openTelemetry()).clock(scope.clock()).rootTraceIds(capture::withRootTraceId)
          .traces(capture::trace).build();
      CrashExplorationResult result = CrashExploration.like(harness, run).explore();
      if (!result.allRecovered()) {
        Path base = scope.test().reportFile();
        String name = base.getFileName().toString().replace(TraceFiles.REPORT_SUFFIX, "");
        Path uncrashed = HtmlReport.write(result.uncrashedTrace(), base.resolveSibling(name + "-uncrashed.html"));
        Path crashed = HtmlReport.write(result.firstFailure().orElseThrow().trace(),
            base.resolveSibling(name + "-crashed.html"));
        throw new AssertionError(result.describe() + "\nReports: uncrashed run " + uncrashed.toUri()
            + "\n         crashed run   " + crashed.toUri());
      }
    }
  }
}
