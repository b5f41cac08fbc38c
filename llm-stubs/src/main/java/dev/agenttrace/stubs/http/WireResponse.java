package dev.agenttrace.stubs.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response the stub server sends: status, headers, body and a delay before it is sent. Produced per request by
 * the scripted reply, the recorder or the cassette player, then handed to WireMock unchanged.
 *
 * @param status the HTTP status
 * @param headers response headers (single values)
 * @param body the body text (JSON or a whole {@code text/event-stream})
 * @param delay how long the server waits before answering (latency injection, client time-outs)
 */
public record WireResponse(int status, Map<String, String> headers, String body, Duration delay) {
  static final String JSON = "application/json";
  static final String EVENT_STREAM = "text/event-stream";

  public WireResponse {
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
    delay = delay == null ? Duration.ZERO : delay;
  }

  /** A {@code 200 application/json} response. */
  public static WireResponse json(String body) {
    return new WireResponse(200, Map.of("Content-Type", JSON), body, Duration.ZERO);
  }

  /** A {@code 200 text/event-stream} response carrying every event at once. */
  public static WireResponse eventStream(String events) {
    return new WireResponse(200, Map.of("Content-Type", EVENT_STREAM, "Cache-Control", "no-cache"), events,
        Duration.ZERO);
  }

  /** An error response with a JSON body in the provider's format. */
  public static WireResponse error(int status, String body) {
    return new WireResponse(status, Map.of("Content-Type", JSON), body, Duration.ZERO);
  }

  WireResponse withHeader(String name, String value) {
    Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
    copy.put(name, value);
    return new WireResponse(status, copy, body, delay);
  }

  WireResponse delayedBy(Duration extra) {
    return new WireResponse(status, headers, body, delay.plus(extra));
  }
}
