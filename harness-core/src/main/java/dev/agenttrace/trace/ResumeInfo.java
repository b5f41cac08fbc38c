package dev.agenttrace.trace;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import java.time.Duration;
import java.time.Instant;

/**
 * Why and after how long a segment resumed, read from its {@code agenttrace.resume} event.
 *
 * @param cause what satisfied the wait (e.g. {@code tool_result}, {@code timer}, {@code restart}); {@code ""} when
 *     not recorded
 * @param waited how long the execution waited; {@link Duration#ZERO} when not recorded
 * @param at when the segment resumed
 */
public record ResumeInfo(String cause, Duration waited, Instant at) {
  public ResumeInfo {
    cause = cause == null ? "" : cause;
    waited = waited == null ? Duration.ZERO : waited;
  }

  static ResumeInfo of(EventData event) {
    Attributes attributes = event.getAttributes();
    Long waitedMs = attributes.get(SpanConventions.RESUME_WAITED_MS);
    return new ResumeInfo(
        attributes.get(SpanConventions.RESUME_CAUSE),
        waitedMs == null ? Duration.ZERO : Duration.ofMillis(waitedMs),
        TraceSpan.instant(event.getEpochNanos()));
  }
}
