package dev.agenttrace.assertions;

import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.AgentTrace;
import java.nio.file.Path;
import java.util.Optional;
import org.assertj.core.util.Throwables;
import org.opentest4j.AssertionFailedError;

/**
 * A failed AgentTrace assertion, as a value: what was expected and what was found ({@link #headline()}), the
 * expected and actual values (for the IDE's diff), the span in question ({@link #markedSpanId()}), the near-miss
 * table of the closest candidate ({@link #nearMiss()}), the trace ({@link #trace()}) and, once a test runner has
 * attached them with {@link #withOutputs}, where the trace file and the HTML report of the test were written.
 *
 * <p>Tools read these instead of parsing the message. The message is rendered from them on the first call of
 * {@link #getMessage()}: the headline, the near-miss table, the trace as a tree with the span in question marked, and
 * the output paths. Soft assertions collect this error itself (AssertJ keeps an error it cannot re-create), so every
 * collected failure stays typed; its message then ends with the line of the test that failed, as AssertJ's do.
 */
public final class TraceAssertionError extends AssertionFailedError {
  private static final long serialVersionUID = 1L;

  private final String prefix;
  private final String overridingMessage;
  private final String expectation;
  private final String finding;
  private final String markedSpanId;
  private final transient NearMissTable nearMiss;
  private final transient AgentTrace trace;
  private final transient Path traceFile;
  private final transient Path reportFile;
  private final transient RedactionPolicy redaction;
  private final boolean collectedSoftly;
  private transient volatile String message;

  /**
   * @param prefix the assert's description ({@code "[name] "}), or empty
   * @param overridingMessage the message set with {@code withFailMessage}, replacing the rendered one; or null
   */
  TraceAssertionError(FailureMessage failure, Object expected, Object actual, String prefix, String overridingMessage,
      boolean collectedSoftly) {
    this(failure.expectation(), failure.finding(), failure.markedSpanId(), failure.nearMiss(), failure.trace(),
        expected, actual, prefix, overridingMessage, collectedSoftly, null, null, RedactionPolicy.defaults());
  }

  private TraceAssertionError(String expectation, String finding, String markedSpanId, NearMissTable nearMiss,
      AgentTrace trace, Object expected, Object actual, String prefix, String overridingMessage,
      boolean collectedSoftly, Path traceFile, Path reportFile, RedactionPolicy redaction) {
    super(null, redacted(expected, redaction), redacted(actual, redaction));
    this.redaction = redaction;
    this.expectation = expectation;
    this.finding = finding;
    this.markedSpanId = markedSpanId;
    this.nearMiss = nearMiss;
    this.trace = trace;
    this.prefix = prefix;
    this.overridingMessage = overridingMessage;
    this.collectedSoftly = collectedSoftly;
    this.traceFile = traceFile;
    this.reportFile = reportFile;
  }

  /**
   * A copy of this failure that also names where the test's trace file and HTML report were written (the report may
   * be {@code null} when none is written). Stack trace, cause and suppressed exceptions are kept; the message of the
   * copy ends with both paths.
   */
  public TraceAssertionError withOutputs(Path traceFile, Path reportFile) {
    return withOutputs(traceFile, reportFile, redaction);
  }

  /**
   * As {@link #withOutputs(Path, Path)}, with the message, expected and actual values redacted by {@code redaction}
   * (the run's configured policy) instead of the default one.
   */
  public TraceAssertionError withOutputs(Path traceFile, Path reportFile, RedactionPolicy redaction) {
    TraceAssertionError copy = new TraceAssertionError(expectation, finding, markedSpanId, nearMiss, trace,
        getExpected() == null ? null : getExpected().getValue(), getActual() == null ? null : getActual().getValue(),
        prefix, overridingMessage, collectedSoftly, traceFile, reportFile, redaction);
    copy.initCause(getCause());
    copy.setStackTrace(getStackTrace());
    for (Throwable suppressed : getSuppressed()) {
      copy.addSuppressed(suppressed);
    }
    return copy;
  }

  /** What was expected, as the sentence after {@code Expecting}, e.g. {@code tool 'lookup' never to be called}. */
  public String expectation() {
    return expectation;
  }

  /** What was found instead, as the sentence after {@code but}, e.g. {@code it was called 1 time(s)}. */
  public String finding() {
    return finding;
  }

  /** The two lines {@code Expecting …} and {@code but …}, with the assert's description in front when it has one. */
  public String headline() {
    return prefix + "Expecting " + expectation + "\nbut " + finding;
  }

  /** The id of the span the failure is about (the offending or the closest one), when there is one. */
  public Optional<String> markedSpanId() {
    return Optional.ofNullable(markedSpanId);
  }

  /** The field-by-field comparison of the closest candidate, when a selection came up short. */
  public Optional<NearMissTable> nearMiss() {
    return Optional.ofNullable(nearMiss);
  }

  /** The trace the failed assertion was about; empty for an element asserted on its own. */
  public Optional<AgentTrace> trace() {
    return Optional.ofNullable(trace);
  }

  /** Where the test's trace was written, once attached with {@link #withOutputs}. */
  public Optional<Path> traceFile() {
    return Optional.ofNullable(traceFile);
  }

  /** Where the test's HTML report was written, once attached with {@link #withOutputs}. */
  public Optional<Path> reportFile() {
    return Optional.ofNullable(reportFile);
  }

  @Override
  public String getMessage() {
    String rendered = message;
    if (rendered == null) {
      // the message ends up in CI logs: the one redaction policy applies to it as to every other output
      rendered = redaction.redactPlainText(overridingMessage != null ? prefix + overridingMessage : render());
      message = rendered;
    }
    return rendered;
  }

  private String render() {
    StringBuilder text = new StringBuilder(prefix).append('\n').append(headline().substring(prefix.length()))
        .append('\n');
    if (nearMiss != null) {
      text.append('\n').append(nearMiss.render());
    }
    if (trace != null) {
      text.append('\n').append("Trace").append(markedSpanId == null ? "" : " (▶ marks the span in question)")
          .append(":\n").append(markedSpanId == null ? trace.toTreeString() : trace.toTreeString(markedSpanId));
    }
    if (traceFile != null) {
      endLine(text).append("Trace file: ").append(traceFile).append('\n');
    }
    if (reportFile != null) {
      endLine(text).append("HTML report: ").append(reportFile).append('\n');
    }
    if (collectedSoftly) {
      StackTraceElement test = Throwables.getFirstStackTraceElementFromTest(getStackTrace());
      if (test != null) {
        endLine(text).append("at ").append(simpleName(test)).append('.').append(test.getMethodName()).append('(')
            .append(simpleName(test)).append(".java:").append(test.getLineNumber()).append(')');
      }
    }
    return text.toString();
  }

  /**
   * Expected and actual values reach IDEs and test reports too: a text is redacted by the one policy; any other value
   * is kept unless its text holds a secret, then its redacted text is shown instead.
   */
  private static Object redacted(Object value, RedactionPolicy redaction) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    String text = String.valueOf(value);
    String redacted = redaction.redact(text);
    return value instanceof String || !redacted.equals(text) ? redacted : value;
  }

  private static StringBuilder endLine(StringBuilder text) {
    return text.length() == 0 || text.charAt(text.length() - 1) == '\n' ? text : text.append('\n');
  }

  private static String simpleName(StackTraceElement element) {
    String name = element.getClassName();
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
