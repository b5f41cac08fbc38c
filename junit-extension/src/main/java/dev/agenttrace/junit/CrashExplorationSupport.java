package dev.agenttrace.junit;

import dev.agenttrace.assertions.AgentTraceAssertions;
import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.runtime.CrashExploration;
import dev.agenttrace.runtime.CrashExplorationResult;
import dev.agenttrace.runtime.RunStatus;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code @AgentTest(crashExploration = true)}: after a test passed, explores each completed run of its harness at
 * every crash point, on a harness and capture of its own over the test's stubs and clock (so the test's trace, golden
 * file and report stay as they were). A failing exploration fails the test with a
 * {@link dev.agenttrace.assertions.TraceAssertionError} naming the crash points and showing both traces, and — unless
 * reports are off — writes an HTML report of the uncrashed and of the first failing crashed run next to the test's
 * report, through the run's redaction policy.
 */
final class CrashExplorationSupport {
  static final String UNCRASHED_SUFFIX = "-uncrashed";
  static final String CRASHED_SUFFIX = "-crashed";

  private CrashExplorationSupport() {}

  static void afterPassingTest(TestScope scope) {
    if (!scope.test().settings().crashExploration()) {
      return;
    }
    for (AgentRun<?> run : scope.harness().runs()) {
      if (run.status() == RunStatus.COMPLETED) {
        explore(scope, run);
      }
    }
  }

  private static void explore(TestScope scope, AgentRun<?> run) {
    try (TraceCapture capture = TraceCapture.builder().clock(scope.clock()).build()) {
      AgentHarness harness = AgentHarness.builder().llm(scope.llm()).tools(scope.tools())
          .openTelemetry(capture.openTelemetry()).clock(scope.clock()).rootTraceIds(capture::withRootTraceId)
          .traces(capture::trace).build();
      CrashExplorationResult result = CrashExploration.like(harness, run).explore();
      if (!result.allRecovered()) {
        String where = writeReports(scope.test(), result).map(Reports::describe).orElse("");
        AgentTraceAssertions.assertThat(result)
            .as("@AgentTest(crashExploration = true), run %s%s", run.executionId(), where)
            .recoveredAtEveryPoint();
      }
    }
  }

  /** The reports of the uncrashed and the first failing crashed run, beside the test's; empty when reports are off. */
  private static Optional<Reports> writeReports(PerTestContext test, CrashExplorationResult result) {
    Optional<Path> testReport = test.plannedReport(true);
    if (testReport.isEmpty()) {
      return Optional.empty();
    }
    Path base = testReport.get();
    String name = base.getFileName().toString();
    name = name.substring(0, name.length() - TraceFiles.REPORT_SUFFIX.length());
    String title = test.identity().className() + " · " + test.identity().displayName() + " · ";
    CrashExplorationResult.Failure first = result.firstFailure().orElseThrow();
    Path uncrashed = HtmlReport.write(result.uncrashedTrace(), ReportInfo.titled(title + "uncrashed run"),
        test.settings().redaction(), base.resolveSibling(name + UNCRASHED_SUFFIX + TraceFiles.REPORT_SUFFIX));
    Path crashed = HtmlReport.write(first.trace(),
        ReportInfo.titled(title + "crashed " + first.point().description())
            .withFailure("Crash " + first.point().description() + ":\n- " + String.join("\n- ", first.problems()),
                first.crashedSegmentSpanId().orElse(null)),
        test.settings().redaction(), base.resolveSibling(name + CRASHED_SUFFIX + TraceFiles.REPORT_SUFFIX));
    return Optional.of(new Reports(uncrashed, crashed));
  }

  /** Where the two reports of a failed exploration were written. */
  private record Reports(Path uncrashed, Path crashed) {
    String describe() {
      return "; HTML reports: uncrashed run " + uncrashed + ", crashed run " + crashed;
    }
  }
}
