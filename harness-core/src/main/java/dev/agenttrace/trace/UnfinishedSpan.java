package dev.agenttrace.trace;

import io.opentelemetry.api.common.Attributes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A span that was started but never ended when the trace was taken: usually a bug (a missing {@code end()}, a
 * leaked scope) or a crash. Reports show where it was started, on which thread, and — when start-site recording is
 * on — the call site, so the leak can be found.
 *
 * @param name the span name
 * @param spanId the span id
 * @param traceId the trace id
 * @param parentSpanId the parent's span id; {@code null} for a root span
 * @param threadName the thread that started the span
 * @param startEpochNanos the start time in epoch nanoseconds
 * @param attributes the attributes it had when the trace was taken
 * @param startSite the stack of the call that started the span; {@code null} when start sites were not recorded
 */
public record UnfinishedSpan(String name, String spanId, String traceId, String parentSpanId, String threadName,
    long startEpochNanos, Attributes attributes, String startSite) {

  /**
   * The system property (and JUnit configuration parameter) that turns start-site recording on:
   * {@code agenttrace.capture.start-sites=true}. Off by default because it records a stack for every span start.
   */
  public static final String START_SITES_PROPERTY = "agenttrace.capture.start-sites";

  public UnfinishedSpan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(spanId, "spanId");
    Objects.requireNonNull(traceId, "traceId");
    threadName = threadName == null ? "?" : threadName;
    attributes = attributes == null ? Attributes.empty() : attributes;
  }

  public Instant startTime() {
    return TraceSpan.instant(startEpochNanos);
  }

  public Optional<String> parent() {
    return Optional.ofNullable(parentSpanId);
  }

  /** The call site where the span was started, when start sites were recorded. */
  public Optional<String> recordedStartSite() {
    return Optional.ofNullable(startSite);
  }

  /** The category its attributes give it (for example an unfinished agent segment after a crash). */
  public SpanCategory category() {
    return SpanConventions.categorize(attributes);
  }

  /** How to make reports show where unfinished spans were started. */
  public static String startSiteHint() {
    return "start site not recorded; run with -D" + START_SITES_PROPERTY + "=true (or configuration parameter "
        + START_SITES_PROPERTY + "=true, or TraceCapture.builder().recordStartSites(true)) to see it";
  }
}
