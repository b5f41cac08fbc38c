package dev.agenttrace.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report shows besides the trace: its title, whether the test passed, the failure (message and the span it
 * points at) and extra sections shown at the top, such as a golden-trace diff.
 *
 * @param title the page title, usually the test's class and method
 * @param status how the test ended
 * @param failureMessage the failure message; {@code null} when the test did not fail
 * @param failedSpanId the span the failure points at; {@code null} when unknown
 * @param sections extra sections shown under the failure, in order
 */
public record ReportInfo(String title, Status status, String failureMessage, String failedSpanId,
    List<ReportSection> sections) {

  /** How the test whose trace is shown ended. */
  public enum Status {
    /** The test passed. */
    PASSED,
    /** The test failed. */
    FAILED,
    /** The test was aborted (an assumption failed). */
    ABORTED,
    /** The report was written outside a test. */
    UNKNOWN
  }

  public ReportInfo {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    sections = List.copyOf(sections);
  }

  /** A report titled {@code title} with no test outcome. */
  public static ReportInfo titled(String title) {
    return new ReportInfo(title, Status.UNKNOWN, null, null, List.of());
  }

  /** This info for a test that ended with {@code status}. */
  public ReportInfo withStatus(Status newStatus) {
    return new ReportInfo(title, newStatus, failureMessage, failedSpanId, sections);
  }

  /** This info for a failed test: its message and the span it marks ({@code null} when none). */
  public ReportInfo withFailure(String message, String spanId) {
    return new ReportInfo(title, Status.FAILED, message, spanId, sections);
  }

  /** This info with one more section at the top of the report (for example a golden-trace diff). */
  public ReportInfo withSection(ReportSection section) {
    List<ReportSection> more = new ArrayList<>(sections);
    more.add(section);
    return new ReportInfo(title, status, failureMessage, failedSpanId, more);
  }

  /** The failure message; empty when the test did not fail. */
  public Optional<String> failure() {
    return Optional.ofNullable(failureMessage);
  }
}
