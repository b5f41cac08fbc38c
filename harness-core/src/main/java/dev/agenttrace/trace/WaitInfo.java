package dev.agenttrace.trace;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * What a segment waits on, read from its {@code agenttrace.wait} event: the wait kind and whichever details the
 * kind has (tools being run, timer deadline, awaited event or approval name, journal key).
 *
 * @param kind the kind of wait
 * @param key the journal key of the wait; {@code null} when not recorded
 * @param until for timers, the ISO-8601 instant the timer fires; {@code null} otherwise
 * @param tools for tool waits, the tools being run; empty otherwise
 * @param name for event, approval and child waits, the awaited name; {@code null} otherwise
 * @param at when the segment started waiting
 */
public record WaitInfo(WaitKind kind, String key, String until, List<String> tools, String name, Instant at) {
  public WaitInfo {
    kind = kind == null ? WaitKind.UNKNOWN : kind;
    tools = tools == null ? List.of() : List.copyOf(tools);
  }

  static WaitInfo of(EventData event) {
    Attributes attributes = event.getAttributes();
    return new WaitInfo(
        WaitKind.fromWireValue(attributes.get(SpanConventions.WAIT_KIND)),
        attributes.get(SpanConventions.WAIT_KEY),
        attributes.get(SpanConventions.WAIT_UNTIL),
        attributes.get(SpanConventions.WAIT_TOOLS),
        attributes.get(SpanConventions.WAIT_NAME),
        TraceSpan.instant(event.getEpochNanos()));
  }

  /** {@link #until} as an instant; empty when absent or not ISO-8601. */
  public Optional<Instant> untilInstant() {
    if (until == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(until));
    } catch (DateTimeParseException notIso) {
      return Optional.empty();
    }
  }

  /** A short description such as {@code "tool get_weather"} or {@code "timer until 2026-01-01T00:00:00Z"}. */
  public String describe() {
    String label = kind.wireValue();
    String detail;
    switch (kind) {
      case TOOL:
        detail = tools.isEmpty() ? key : String.join(", ", tools);
        break;
      case TIMER:
        detail = until == null ? key : "until " + until;
        break;
      default:
        detail = name == null ? key : name;
    }
    return detail == null || detail.isEmpty() ? label : label + " " + detail;
  }
}
