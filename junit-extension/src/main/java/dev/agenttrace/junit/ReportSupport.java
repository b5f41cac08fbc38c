package dev.agenttrace.junit;

import dev.agenttrace.golden.GoldenResult;
import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.report.ReportIndex;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.report.ReportSection;
import dev.agenttrace.report.RunRecord;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Writes each agent test's HTML report to {@code <dir>/<test class>/<test method>.html} (named and contained like
 * the trace files) with its run record beside it ({@code <test method>.record.json}), publishes the report as the
 * report entry {@code agenttrace.report} and through the Platform's file publishing, and when this JVM's part of the
 * test run ends rebuilds {@code <dir>/index.html} from the records of every JVM of the run ({@link RunId}).
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
      String message = describe(thrown.get(), identity.displayName());
      info = info.withFailure(message, markedSpan(message, trace));
    } else {
      info = info.withStatus(aborted ? ReportInfo.Status.ABORTED : ReportInfo.Status.PASSED);
    }
    if (goldenFailure.isPresent() && goldenFailure.get().diff().isPresent()) {
      info = info.withSection(new ReportSection("Golden trace diff", goldenFailure.get().message()));
    }
    Path file = HtmlReport.write(trace, info, planned.get());
    context.publishReportEntry(REPORT_ENTRY, file.toString());
    PlatformFiles.publish(context, file, PlatformFiles.HTML);
    RunIndex index = runIndex(context, test.settings());
    new RunRecord(index.runId(), ReportIndex.Entry.of(identity.className(), identity.indexName(), info.status(),
        trace, file)).write();
  }

  private static RunIndex runIndex(ExtensionContext context, ExtensionSettings settings) {
    Path directory = settings.reportDirectory();
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(directory.toString(),
        key -> new RunIndex(directory, RunId.resolve(settings.parameter(RunId.PARAMETER))), RunIndex.class);
  }

  /** The failure as shown on top of the report: type and message, without the trace the extension appended. */
  static String describe(Throwable failure, String displayName) {
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    int trace = message.indexOf("\n\nTrace of " + displayName + " (also written to ");
    return failure.getClass().getName() + ": " + (trace < 0 ? message : message.substring(0, trace)).strip();
  }

  /**
   * The span an assertion message marks ({@code ▶ … ◀ here} in its trace tree), found by rendering the tree with
   * each candidate of the same name marked; {@code null} when there is no mark or no span matches.
   */
  static String markedSpan(String message, AgentTrace trace) {
    String marked = message.lines().filter(line -> line.contains("▶ ") && line.endsWith("◀ here"))
        .map(line -> line.substring(line.indexOf("▶ "))).findFirst().orElse(null);
    if (marked == null) {
      return null;
    }
    List<TraceSpan> candidates = new ArrayList<>();
    for (TraceSpan span : trace.spans()) {
      if (marked.startsWith("▶ " + span.name()) && candidates.size() < 50) {
        candidates.add(span);
      }
    }
    return candidates.stream().filter(span -> trace.toTreeString(span.spanId()).contains(marked))
        .map(TraceSpan::spanId).findFirst().orElse(null);
  }

  /**
   * A report folder this JVM wrote reports into, kept in the root store: when JUnit closes it at the end of the
   * JVM's run, it rebuilds the folder's index from the records of every JVM of the run.
   *
   * @param directory the report folder
   * @param runId the run this JVM belongs to
   */
  record RunIndex(Path directory, String runId) implements AutoCloseable {
    @Override
    public void close() {
      ReportIndex.rebuild(directory, runId);
    }
  }
}
