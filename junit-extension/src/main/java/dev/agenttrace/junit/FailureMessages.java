package dev.agenttrace.junit;

import dev.agenttrace.assertions.TraceAssertionError;
import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.UnfinishedSpan;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * Adds to a failing test what the extension knows: where its trace file and HTML report are and, for failures that
 * do not already carry the trace, the trace as a tree; and builds the message for spans left open. Failure messages
 * go to CI logs, so every message it builds or rebuilds is redacted with the run's {@link RedactionPolicy}.
 */
final class FailureMessages {
  private FailureMessages() {}

  /**
   * The failure to report for {@code failure}. An AgentTrace assertion failure ({@link TraceAssertionError}) already
   * carries the trace with the span in question marked: it gets the paths of the trace file and report as data. A
   * plain {@link AssertionError} or {@link AssertionFailedError} is rebuilt with the trace appended to its message
   * (keeping expected/actual, cause and stack trace, so IDEs still show the diff); any other throwable is rethrown as
   * is, with the trace attached as a suppressed exception.
   */
  static Throwable withTrace(Throwable failure, String testName, AgentTrace trace, Path traceFile, Path reportFile,
      RedactionPolicy redaction) {
    if (failure instanceof TraceAssertionError typed) {
      return typed.withOutputs(traceFile, reportFile, redaction);
    }
    if (trace.isEmpty() && trace.unfinishedSpans().isEmpty()) {
      return failure;
    }
    String traceText = traceSection(testName, trace, traceFile, reportFile, redaction);
    Throwable enriched;
    if (failure.getClass() == AssertionFailedError.class) {
      AssertionFailedError original = (AssertionFailedError) failure;
      enriched = new AssertionFailedError(redaction.redactPlainText(messageOf(original)) + traceText,
          original.isExpectedDefined() ? redacted(original.getExpected().getValue(), redaction) : null,
          original.isActualDefined() ? redacted(original.getActual().getValue(), redaction) : null,
          original.getCause());
    } else if (failure.getClass() == AssertionError.class) {
      enriched = new AssertionError(redaction.redactPlainText(messageOf(failure)) + traceText, failure.getCause());
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
    return redaction.redactPlainText(message.toString()) + traceSection(testName, trace, traceFile, reportFile,
        redaction);
  }

  /** Where the trace was written and, unless {@code reportFile} is null, where its HTML report is; then the tree. */
  static String traceSection(String testName, AgentTrace trace, Path traceFile, Path reportFile,
      RedactionPolicy redaction) {
    return "\n\nTrace of " + redaction.redactPlainText(testName) + " (also written to " + traceFile
        + (reportFile == null ? "" : "; HTML report: " + reportFile) + "):\n" + trace.toTreeString(redaction, null);
  }

  private static Object redacted(Object value, RedactionPolicy redaction) {
    return value instanceof String text ? redaction.redact(text) : value;
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
