package dev.agenttrace.junit;

import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.UnfinishedSpan;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * Builds the messages the extension adds to failing tests: the trace tree, and the list of spans left open. These go
 * to CI logs, so every message it builds or rebuilds is redacted with the run's {@link RedactionPolicy}.
 */
final class FailureMessages {
  /** How {@link AgentTrace#toTreeString()} begins: a message that contains it already shows the trace. */
  private static final String TREE_HEADER = "AgentTrace: ";

  private FailureMessages() {}

  /**
   * The failure to report for {@code failure}: a plain {@link AssertionError} or {@link AssertionFailedError} is
   * rebuilt with the trace appended to its message (keeping expected/actual, cause and stack trace, so IDEs still
   * show the diff); any other throwable is rethrown as is, with the trace attached as a suppressed exception.
   */
  static Throwable withTrace(Throwable failure, String testName, AgentTrace trace, Path traceFile, Path reportFile,
      RedactionPolicy redaction) {
    if (trace.isEmpty() && trace.unfinishedSpans().isEmpty()) {
      return failure;
    }
    // AgentTrace's own assertions already print the tree, with the span in question marked: add only the paths
    boolean hasTree = messageOf(failure).contains("\n" + TREE_HEADER);
    String traceText = traceSection(testName, hasTree ? null : trace, traceFile, reportFile, redaction);
    Throwable enriched;
    if (failure.getClass() == AssertionFailedError.class) {
      AssertionFailedError original = (AssertionFailedError) failure;
      enriched = new AssertionFailedError(redaction.redactPlainText(messageOf(original) + traceText),
          original.isExpectedDefined() ? redacted(original.getExpected().getValue(), redaction) : null,
          original.isActualDefined() ? redacted(original.getActual().getValue(), redaction) : null,
          original.getCause());
    } else if (failure.getClass() == AssertionError.class) {
      enriched = new AssertionError(redaction.redactPlainText(messageOf(failure) + traceText), failure.getCause());
    } else {
      failure.addSuppressed(new TraceOfFailedTest(redaction.redactPlainText(traceText.strip())));
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

  static String unfinishedSpans(String testName, AgentTrace trace, Path traceFile, Path reportFile,
      RedactionPolicy redaction) {
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
    return redaction.redactPlainText(message.append(traceSection(testName, trace, traceFile, reportFile, redaction))
        .toString());
  }

  private static Object redacted(Object value, RedactionPolicy redaction) {
    return value instanceof String text ? redaction.redact(text) : value;
  }

  /**
   * Where the trace was written and, unless {@code reportFile} is null, where its HTML report is; followed by the
   * trace tree unless {@code trace} is null.
   */
  private static String traceSection(String testName, AgentTrace trace, Path traceFile, Path reportFile,
      RedactionPolicy redaction) {
    return "\n\nTrace of " + testName + " (also written to " + traceFile
        + (reportFile == null ? "" : "; HTML report: " + reportFile) + ")"
        + (trace == null ? "" : ":\n" + trace.toTreeString(redaction, null));
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
