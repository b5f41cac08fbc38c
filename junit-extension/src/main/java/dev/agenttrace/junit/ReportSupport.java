package dev.agenttrace.junit;

import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.report.ReportIndex;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.report.ReportSection;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.ExtensionContext;
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
  static final String MODE_PARAMETER = "agenttrace.report.mode";
  static final String DIR_PARAMETER = "agenttrace.report.dir";
  static final String DEFAULT_DIR = "target/agenttrace-reports";
  static final String REPORT_ENTRY = "agenttrace.report";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ReportSupport.class);

  /** When reports are written. */
  enum Mode {
    ALWAYS, ON_FAILURE, NEVER;

    static Mode parse(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException unknown) {
        throw new IllegalArgumentException("Unknown " + MODE_PARAMETER + " '" + value
            + "'; expected always, on-failure or never", unknown);
      }
    }
  }

  private final Mode mode;
  private final Path directory;
  private final TraceFiles files;

  private ReportSupport(Mode mode, Path directory) {
    this.mode = mode;
    this.directory = directory.toAbsolutePath().normalize();
    this.files = new TraceFiles(this.directory, ".html");
  }

  static ReportSupport from(ExtensionContext context) {
    return new ReportSupport(context.getConfigurationParameter(MODE_PARAMETER).map(Mode::parse).orElse(Mode.ALWAYS),
        Path.of(context.getConfigurationParameter(DIR_PARAMETER).orElse(DEFAULT_DIR)));
  }

  /** Where the report of the test will be, or empty when none is written for a test that {@code fails} or not. */
  Optional<Path> plannedFile(ExtensionContext context, boolean fails) {
    if (mode == Mode.NEVER || (mode == Mode.ON_FAILURE && !fails)) {
      return Optional.empty();
    }
    return Optional.of(files.fileFor(context));
  }

  /**
   * Writes the report of a finished test, when the mode asks for one, and registers it for the run's index.
   *
   * @param failure the message of a failure the extension itself is about to raise; {@code null} when none
   * @param goldenMismatch the golden comparison's failure, shown as a diff section; {@code null} when none
   */
  void afterTest(ExtensionContext context, AgentTrace trace, String failure, AssertionError goldenMismatch) {
    Optional<Throwable> thrown = context.getExecutionException();
    boolean aborted = thrown.filter(TestAbortedException.class::isInstance).isPresent();
    if (failure == null && goldenMismatch != null) {
      failure = "The trace does not match its golden file (diff below).";
    }
    boolean fails = failure != null || (thrown.isPresent() && !aborted);
    Optional<Path> planned = plannedFile(context, fails);
    if (planned.isEmpty()) {
      return;
    }
    ReportInfo info = ReportInfo.titled(context.getRequiredTestClass().getName() + " · " + context.getDisplayName());
    if (failure != null) {
      info = info.withFailure(failure, null);
    } else if (fails) {
      String message = describe(thrown.get(), context.getDisplayName());
      info = info.withFailure(message, markedSpan(message, trace));
    } else {
      info = info.withStatus(aborted ? ReportInfo.Status.ABORTED : ReportInfo.Status.PASSED);
    }
    if (goldenMismatch != null) {
      info = info.withSection(new ReportSection("Golden trace diff", goldenMismatch.getMessage()));
    }
    Path file = HtmlReport.write(trace, info, ExtensionSettings.redaction(context), planned.get());
    context.publishReportEntry(REPORT_ENTRY, file.toString());
    String method = context.getRequiredTestMethod().getName();
    String name = context.getDisplayName().startsWith(method) ? method : method + " " + context.getDisplayName();
    runIndex(context).add(ReportIndex.Entry.of(context.getRequiredTestClass().getName(), name, info.status(), trace,
        file));
  }

  private RunIndex runIndex(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(directory.toString(), key -> new RunIndex(directory, ExtensionSettings.redaction(context)),
            RunIndex.class);
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
