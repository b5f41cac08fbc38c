package dev.agenttrace.stubs.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@code text/event-stream} body: each event is an optional {@code event:} line and a {@code data:} line,
 * ended by a blank line (WHATWG framing). The stub's {@link StreamPacing} decides how the events go out: all at
 * once, or in chunks with pauses between them.
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

  /** The events of a stream built here, each with its closing blank line; text after the last one is dropped. */
  public static List<String> split(String stream) {
    List<String> events = new ArrayList<>();
    int start = 0;
    for (int end = stream.indexOf("\n\n"); end >= 0; end = stream.indexOf("\n\n", start)) {
      events.add(stream.substring(start, end + 2));
      start = end + 2;
    }
    return events;
  }

  /** The stream so far. */
  @Override
  public String toString() {
    return text.toString();
  }
}
