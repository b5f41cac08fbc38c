package dev.agenttrace.junit;

import dev.agenttrace.assertions.TraceAssertionError;
import dev.agenttrace.golden.GoldenResult;
import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.report.ReportIndex;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.report.ReportSection;
import dev.agenttrace.report.RunRecord;
import dev.agenttrace.trace.AgentTrace;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.MultipleFailuresError;
import org.opentest4j.TestAbortedException;

/**
 * Writes each agent test's HTML report to {@code <dir>/<test class>/<test method>.html} (named and contained like
 * the trace files) with its run record beside it ({@code <test method>.record.json}), publishes the report as the
 * report entry {@code agenttrace.report} and through the Platform's file publishing, and when this JVM's part of the
 * test run ends rebuilds {@code <dir>/index.html} from the records of every JVM of the run ({@link RunId}). Records
 * and the index are redacted by the run's {@link RedactionPolicy}.
 *
 * <p>Configuration parameters (or system properties): {@code agenttrace.report.mode} = {@code always} (default),
 * {@code on-failure} or {@code never}; {@code agenttrace.report.dir} (default {@code target/agenttrace-reports});
 * {@code agenttrace.run.id} (see {@link RunId}).
 */
final class ReportSupport {
  static final String MODE_PARAMETER = ExtensionSettings.REPORT_MODE_PARAMETER;
  static final String DIR_PARAMETER = ExtensionSettings.REPORT_DIR_PARAMETER;
  static final String REPORT_ENTRY = "agenttrace.report";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ReportSupport.class);

  private ReportSupport() {}

  /**
   * Writes the report of a finished test, when the mode asks for one, and registers it for the run's index.
   *
   * @param failure the message of a failure the extension itself is about to raise; {@code null} when none
   * @param golden the golden comparison's result, whose diff is shown as a section when it failed; may be empty
   */
  static void afterTest(ExtensionContext context, PerTestContext test, AgentTrace trace, String failure,
      Optional<GoldenResult> golden) {
    Optional<Throwable> thrown = context.getExecutionException();
    boolean aborted = thrown.filter(TestAbortedException.class::isInstance).isPresent();
    Optional<GoldenResult> goldenFailure = golden.filter(GoldenResult::failed);
    if (failure == null && goldenFailure.isPresent()) {
      failure = goldenFailure.get().status() == GoldenResult.Status.MISSING_ON_CI
          ? goldenFailure.get().message()
          : "The trace does not match its golden file (diff below).";
    }
    boolean fails = failure != null || (thrown.isPresent() && !aborted);
    Optional<Path> planned = test.plannedReport(fails);
    if (planned.isEmpty()) {
      return;
    }
    TestIdentity identity = test.identity();
    ReportInfo info = ReportInfo.titled(identity.className() + " · " + identity.displayName());
    if (failure != null) {
      info = info.withFailure(failure, null);
    } else if (fails) {
      info = info.withFailure(describe(thrown.get(), identity.displayName()), markedSpan(thrown.get()).orElse(null));
    } else {
      info = info.withStatus(aborted ? ReportInfo.Status.ABORTED : ReportInfo.Status.PASSED);
    }
    if (goldenFailure.isPresent() && goldenFailure.get().diff().isPresent()) {
      info = info.withSection(new ReportSection("Golden trace diff", goldenFailure.get().message()));
    }
    Path file = HtmlReport.write(trace, info, test.settings().redaction(), planned.get());
    context.publishReportEntry(REPORT_ENTRY, file.toString());
    PlatformFiles.publish(context, file, PlatformFiles.HTML);
    RunIndex index = runIndex(context, test.settings());
    new RunRecord(index.runId(), ReportIndex.Entry.of(identity.className(), identity.indexName(), info.status(),
        trace, file)).write(index.redaction());
  }

  private static RunIndex runIndex(ExtensionContext context, ExtensionSettings settings) {
    Path directory = settings.reportDirectory();
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(directory.toString(),
        key -> new RunIndex(directory, RunId.resolve(settings.parameter(RunId.PARAMETER)), settings.redaction()),
        RunIndex.class);
  }

  /**
   * The failure as shown on top of the report: its type and message. An AgentTrace assertion failure shows its
   * headline and near-miss table (the report shows the trace itself); any other failure its message without the
   * trace the extension appended.
   */
  static String describe(Throwable failure, String displayName) {
    if (failure instanceof TraceAssertionError typed) {
      String nearMiss = typed.nearMiss().map(table -> "\n\n" + table.render()).orElse("");
      return failure.getClass().getName() + ": " + typed.headline().strip() + nearMiss;
    }
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    int trace = message.indexOf("\n\nTrace of " + displayName + " (also written to ");
    return failure.getClass().getName() + ": " + (trace < 0 ? message : message.substring(0, trace)).strip();
  }

  /**
   * The span the failure marks: that of an AgentTrace assertion failure, or of the first one among the failures
   * collected by soft assertions.
   */
  static Optional<String> markedSpan(Throwable failure) {
    if (failure instanceof TraceAssertionError typed) {
      return typed.markedSpanId();
    }
    if (failure instanceof MultipleFailuresError multiple) {
      return multiple.getFailures().stream().map(ReportSupport::markedSpan).flatMap(Optional::stream).findFirst();
    }
    return Optional.empty();
  }

  /**
   * A report folder this JVM wrote reports into, kept in the root store: when JUnit closes it at the end of the
   * JVM's run, it rebuilds the folder's index from the records of every JVM of the run.
   *
   * @param directory the report folder
   * @param runId the run this JVM belongs to
   * @param redaction the run's redaction policy, applied to the records and the index
   */
  record RunIndex(Path directory, String runId, RedactionPolicy redaction) implements AutoCloseable {
    @Override
    public void close() {
      ReportIndex.rebuild(directory, runId, redaction);
    }
  }
}
