package dev.agenttrace.stubs.http;

import dev.agenttrace.llm.LlmException;
import java.time.Duration;
import java.util.Objects;

/**
 * Failures only an HTTP stub can play: a 429 with {@code retry-after}, a response slower than the client's time-out,
 * a stream cut before its end, an error event in the middle of a stream. They are failures of the one reply
 * vocabulary, not a second one: script them with the ordinary DSL, e.g.
 * {@code stub.whenTurn(1).failWith(HttpFault.timeout(Duration.ofSeconds(3)))} or
 * {@code LlmReply.failure(HttpFault.streamCut("It is"))}. Any other {@link LlmException}
 * becomes an error response with its status (500 when it has none) in the provider's error format.
 */
public final class HttpFault extends LlmException {
  private static final long serialVersionUID = 1L;

  /** What the stub server does. */
  public enum Kind {
    /** An error status and body, with {@code retry-after} when set. */
    ERROR_RESPONSE,
    /** Answers only after {@link #delay()}, with a 504 the client has normally stopped waiting for. */
    TIMEOUT,
    /** Streams {@link #partialText()}, then ends the connection before the stream's end. */
    STREAM_CUT,
    /** Streams {@link #partialText()}, then sends an error event. */
    STREAM_ERROR
  }

  private final Kind kind;
  private final transient Duration delay;
  private final String partialText;

  private HttpFault(Kind kind, String errorType, int status, String message, Duration delay, String partialText) {
    super(errorType, status, message);
    this.kind = kind;
    this.delay = delay;
    this.partialText = partialText;
  }

  /** HTTP 429 with a {@code retry-after} header of {@code retryAfter} (whole seconds, rounded up). */
  public static HttpFault rateLimit(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    return new HttpFault(Kind.ERROR_RESPONSE, "rate_limit_exceeded", 429,
        "Rate limit reached (stubbed by AgentTrace)", retryAfter, "");
  }

  /** Holds the response for {@code delay} (set it past the client's time-out), then answers 504. */
  public static HttpFault timeout(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    return new HttpFault(Kind.TIMEOUT, "timeout", 504, "Stubbed time-out (AgentTrace)", delay, "");
  }

  /** A streaming reply that sends {@code partialText} and stops before its end (OpenAI: no {@code [DONE]}). */
  public static HttpFault streamCut(String partialText) {
    return new HttpFault(Kind.STREAM_CUT, "stream_cut", 200, "Stream cut (stubbed by AgentTrace)",
        Duration.ZERO, Objects.requireNonNull(partialText, "partialText"));
  }

  /** A streaming reply that sends {@code partialText}, then an error event ({@code overloaded_error}). */
  public static HttpFault streamError(String partialText) {
    return new HttpFault(Kind.STREAM_ERROR, "overloaded_error", 529, "Overloaded (stubbed by AgentTrace)",
        Duration.ZERO, Objects.requireNonNull(partialText, "partialText"));
  }

  public Kind kind() {
    return kind;
  }

  /** The {@code retry-after} of a rate limit or the hold time of a time-out; zero otherwise. */
  public Duration delay() {
    return delay == null ? Duration.ZERO : delay;
  }

  /** The text streamed before a stream cut or stream error. */
  public String partialText() {
    return partialText;
  }
}
