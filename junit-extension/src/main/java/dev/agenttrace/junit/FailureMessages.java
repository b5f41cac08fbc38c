package dev.agenttrace.junit;

import dev.agenttrace.assertions.TraceAssertionError;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.UnfinishedSpan;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/** Builds the messages the extension adds to failing tests: the trace tree, and the list of spans left open. */
final class FailureMessages {
  /** How {@link AgentTrace#toTreeString()} begins: a message that contains it already shows the trace. */
  private static final String TREE_HEADER = "AgentTrace: ";

  private FailureMessages() {}

  /**
   * The failure to report for {@code failure}: a plain {@link AssertionError} or {@link AssertionFailedError} is
   * rebuilt with the trace appended to its message (keeping expected/actual, cause and stack trace, so IDEs still
   * show the diff); any other throwable is rethrown as is, with the trace attached as a suppressed exception.
   */
  static Throwable withTrace(Throwable failure, String testName, AgentTrace trace, Path traceFile, Path reportFile) {
    if (trace.isEmpty() && trace.unfinishedSpans().isEmpty()) {
      return failure;
    }
    // AgentTrace's own assertions already print the tree, with the span in question marked: add only the paths
    boolean hasTree = messageOf(failure).contains("\n" + TREE_HEADER);
    String traceText = traceSection(testName, hasTree ? null : trace, traceFile, reportFile);
    Throwable enriched;
    // TODO(lead): return typed.withOutputs(traceFile, reportFile) for a TraceAssertionError instead of rebuilding it
    if (failure.getClass() == AssertionFailedError.class || failure instanceof TraceAssertionError) {
      AssertionFailedError original = (AssertionFailedError) failure;
      enriched = new AssertionFailedError(messageOf(original) + traceText,
          original.isExpectedDefined() ? original.getExpected().getValue() : null,
          original.isActualDefined() ? original.getActual().getValue() : null,
          original.getCause());
    } else if (failure.getClass() == AssertionError.class) {
      enriched = new AssertionError(messageOf(failure) + traceText, failure.getCause());
    } else {
      failure.addSuppressed(new TraceOfFailedTest(traceText.strip()));
      return failure;
    }
    enriched.setStackTrace(failure.getStackTrace());
    for (Throwable suppressed : failure.getSuppressed()) {
      enriched.addSuppressed(suppressed);
    }
    return enriched;
  }

  /** {@code failure} with the report's path appended to its message, keeping its stack trace. */
  static AssertionError withReportPath(AssertionError failure, Path report) {
    AssertionError enriched = new AssertionError(messageOf(failure) + "\nHTML report: " + report, failure.getCause());
    enriched.setStackTrace(failure.getStackTrace());
    return enriched;
  }

  static String unfinishedSpans(String testName, AgentTrace trace, Path traceFile, Path reportFile) {
    StringBuilder message = new StringBuilder()
        .append(testName).append(" left ").append(trace.unfinishedSpans().size())
        .append(trace.unfinishedSpans().size() == 1 ? " span" : " spans")
        .append(" open; every span must end before the test ends:\n");
    boolean anyWithoutSite = false;
    for (UnfinishedSpan span : trace.unfinishedSpans()) {
      message.append("  - '").append(span.name()).append("' started on thread '").append(span.threadName())
          .append('\'');
      if (span.recordedStartSite().isPresent()) {
        message.append(" at ").append(span.recordedStartSite().get());
      } else {
        anyWithoutSite = true;
      }
      message.append('\n');
    }
    if (anyWithoutSite) {
      message.append("To see where each span started, run with -D").append(ExtensionSettings.START_SITES_PARAMETER)
          .append("=true (or AgentTraceExtension.builder().recordStartSites(true)).\n");
    }
    return message.append(traceSection(testName, trace, traceFile, reportFile)).toString();
  }

  /**
   * Where the trace was written and, unless {@code reportFile} is null, where its HTML report is; followed by the
   * trace tree unless {@code trace} is null.
   */
  private static String traceSection(String testName, AgentTrace trace, Path traceFile, Path reportFile) {
    return "\n\nTrace of " + testName + " (also written to " + traceFile
        + (reportFile == null ? "" : "; HTML report: " + reportFile) + ")"
        + (trace == null ? "" : ":\n" + trace.toTreeString());
  }

  private static String messageOf(Throwable failure) {
    return failure.getMessage() == null ? "" : failure.getMessage();
  }

  /** Carries the trace of a failed test as a suppressed exception of a failure whose type must be kept. */
  static final class TraceOfFailedTest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TraceOfFailedTest(String trace) {
      super(trace, null, false, false);
    }
  }
}
