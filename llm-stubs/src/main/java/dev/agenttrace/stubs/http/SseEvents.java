package dev.agenttrace.stubs.http;

/**
 * Builds a {@code text/event-stream} body: each event is an optional {@code event:} line and a {@code data:} line,
 * ended by a blank line (WHATWG framing). The stub sends the whole stream at once, so inter-event timing is not
 * simulated; clients parse it exactly as they parse a live stream.
 */
public final class SseEvents {
  private final StringBuilder text = new StringBuilder();

  /** Adds {@code data: <data>}. */
  public SseEvents data(String data) {
    text.append("data: ").append(data).append("\n\n");
    return this;
  }

  /** Adds {@code event: <name>} and {@code data: <data>}. */
  public SseEvents event(String name, String data) {
    text.append("event: ").append(name).append('\n');
    return data(data);
  }

  /** The stream so far. */
  @Override
  public String toString() {
    return text.toString();
  }
}
