package dev.agenttrace.junit;

import dev.agenttrace.assertions.TraceAssertionError;
import dev.agenttrace.golden.GoldenResult;
import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.report.ReportIndex;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.report.ReportSection;
import dev.agenttrace.trace.AgentTrace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.MultipleFailuresError;
import org.opentest4j.TestAbortedException;

/**
 * Writes each agent test's HTML report to {@code <dir>/<test class>/<test method>.html} (named and contained like
 * the trace files), publishes its path as the report entry {@code agenttrace.report}, and when the test run ends
 * writes {@code <dir>/index.html} listing every report of the run.
 *
 * <p>Configuration parameters (or system properties): {@code agenttrace.report.mode} = {@code always} (default),
 * {@code on-failure} or {@code never}; {@code agenttrace.report.dir} (default {@code target/agenttrace-reports}).
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
    runIndex(context, test.settings())
        .add(ReportIndex.Entry.of(identity.className(), identity.indexName(), info.status(), trace, file));
  }

  private static RunIndex runIndex(ExtensionContext context, ExtensionSettings settings) {
    Path directory = settings.reportDirectory();
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(directory.toString(),
        key -> new RunIndex(directory, settings.redaction()), RunIndex.class);
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

  /** The reports of one test run, written as the index when JUnit closes the root store at the end of the run. */
  static final class RunIndex implements AutoCloseable {
    private final Path directory;
    private final ConcurrentLinkedQueue<ReportIndex.Entry> entries = new ConcurrentLinkedQueue<>();
    private final RedactionPolicy redaction;

    RunIndex(Path directory, RedactionPolicy redaction) {
      this.directory = directory;
      this.redaction = redaction;
    }

    void add(ReportIndex.Entry entry) {
      entries.add(entry);
    }

    @Override
    public void close() {
      if (!entries.isEmpty()) {
        ReportIndex.write(directory, List.copyOf(entries), redaction);
      }
    }
  }
}
