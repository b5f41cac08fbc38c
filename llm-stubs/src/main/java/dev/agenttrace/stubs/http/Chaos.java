package dev.agenttrace.stubs.http;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Seeded fault injection for an HTTP LLM stub: each request draws from a random sequence fixed by the seed and,
 * with the configured rates, gets a fault instead of (or on top of) its scripted answer. The same seed and the same
 * requests in the same order give the same faults, so a failing chaos run reproduces exactly; every injected fault's
 * message, the unmatched-request reports and the stub's spans ({@code agenttrace.chaos.seed}) carry the seed.
 *
 * <pre>{@code
 * openAi.chaos(Chaos.seed(42).rateLimits(0.2).serverErrors(0.1).streamCuts(0.1));
 * }</pre>
 *
 * <p>Faults that replace the answer ({@link Fault#RATE_LIMIT}, {@link Fault#SERVER_ERROR}, {@link Fault#OVERLOADED},
 * {@link Fault#TIMEOUT}) never reach the script: the stubbings and their turn count see only the requests that got
 * through. Faults that corrupt the answer ({@link Fault#STREAM_CUT}, {@link Fault#MALFORMED_SSE},
 * {@link Fault#MALFORMED_TOOL_ARGUMENTS}) spend the scripted reply, as a real model spends a generation. Stream faults
 * apply to streaming requests only, malformed tool arguments to replies with tool calls only (otherwise nothing is
 * injected); a fault that cannot apply to a request is not drawn for it. Immutable.
 */
public final class Chaos {
  /** What the stub can inject. */
  public enum Fault {
    /** HTTP 429 with {@code retry-after} (and {@code retry-after-ms}) of {@link #retryAfter(Duration)}. */
    RATE_LIMIT("rate limits"),
    /** HTTP 500 in the provider's error format. */
    SERVER_ERROR("server errors"),
    /** The provider's overloaded status: 503, Anthropic's 529 ({@code overloaded_error}). */
    OVERLOADED("overloaded"),
    /** No answer for {@link #timeoutAfter(Duration)} (real time, bounded), then 504: past the client's time-out. */
    TIMEOUT("timeouts"),
    /** A stream that ends after a drawn event, before its end. */
    STREAM_CUT("stream cuts"),
    /** A stream one of whose {@code data:} lines carries truncated JSON. */
    MALFORMED_SSE("malformed SSE"),
    /** Tool call arguments cut in half (not valid JSON). */
    MALFORMED_TOOL_ARGUMENTS("malformed tool arguments");

    private final String label;

    Fault(String label) {
      this.label = label;
    }

    boolean replacesAnswer() {
      return this == RATE_LIMIT || this == SERVER_ERROR || this == OVERLOADED || this == TIMEOUT;
    }

    boolean appliesTo(boolean streaming) {
      return streaming || (this != STREAM_CUT && this != MALFORMED_SSE);
    }
  }

  private static final Duration LONGEST_TIMEOUT = Duration.ofSeconds(30);

  private final long seed;
  private final Map<Fault, Double> rates;
  private final Duration retryAfter;
  private final Duration timeoutAfter;

  private Chaos(long seed, Map<Fault, Double> rates, Duration retryAfter, Duration timeoutAfter) {
    this.seed = seed;
    this.rates = Collections.unmodifiableMap(new EnumMap<>(rates));
    this.retryAfter = retryAfter;
    this.timeoutAfter = timeoutAfter;
  }

  /** No faults yet, with this seed; add them with the rate methods. */
  public static Chaos seed(long seed) {
    return new Chaos(seed, new EnumMap<>(Fault.class), Duration.ofMillis(10), Duration.ofSeconds(1));
  }

  /** The share (0 to 1) of requests that get {@code fault}; the rates of all faults may add up to 1 at most. */
  public Chaos rate(Fault fault, double rate) {
    Objects.requireNonNull(fault, "fault");
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("A chaos rate is a share between 0 and 1 but " + fault + " was " + rate);
    }
    Map<Fault, Double> copy = new EnumMap<>(Fault.class);
    copy.putAll(rates);
    copy.put(fault, rate);
    double total = copy.values().stream().mapToDouble(Double::doubleValue).sum();
    if (total > 1 + 1e-9) {
      throw new IllegalArgumentException("The chaos rates add up to " + total + ", more than 1: lower some of "
          + copy);
    }
    return new Chaos(seed, copy, retryAfter, timeoutAfter);
  }

  public Chaos rateLimits(double rate) {
    return rate(Fault.RATE_LIMIT, rate);
  }

  public Chaos serverErrors(double rate) {
    return rate(Fault.SERVER_ERROR, rate);
  }

  public Chaos overloaded(double rate) {
    return rate(Fault.OVERLOADED, rate);
  }

  public Chaos timeouts(double rate) {
    return rate(Fault.TIMEOUT, rate);
  }

  public Chaos streamCuts(double rate) {
    return rate(Fault.STREAM_CUT, rate);
  }

  public Chaos malformedSse(double rate) {
    return rate(Fault.MALFORMED_SSE, rate);
  }

  public Chaos malformedToolArguments(double rate) {
    return rate(Fault.MALFORMED_TOOL_ARGUMENTS, rate);
  }

  /** The {@code retry-after} of injected rate limits; default 10 ms (sent as {@code retry-after-ms}, and 1 s). */
  public Chaos retryAfter(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative but was " + retryAfter);
    }
    return new Chaos(seed, rates, retryAfter, timeoutAfter);
  }

  /**
   * How long an injected time-out holds the response (real time: the client's own time-out must fire first); default
   * 1 s, at most 30 s.
   */
  public Chaos timeoutAfter(Duration hold) {
    Objects.requireNonNull(hold, "hold");
    if (hold.isNegative() || hold.compareTo(LONGEST_TIMEOUT) > 0) {
      throw new IllegalArgumentException("timeoutAfter must be between 0 and " + LONGEST_TIMEOUT + " but was " + hold
          + ": set the client's time-out below it instead");
    }
    return new Chaos(seed, rates, retryAfter, hold);
  }

  public long seed() {
    return seed;
  }

  public double rate(Fault fault) {
    return rates.getOrDefault(fault, 0.0);
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  public Duration timeoutAfter() {
    return timeoutAfter;
  }

  /** E.g. {@code chaos seed 42 (rate limits 20%, stream cuts 10%)}: what failure messages print. */
  @Override
  public String toString() {
    String faults = rates.entrySet().stream().filter(entry -> entry.getValue() > 0)
        .map(entry -> entry.getKey().label + " " + Math.round(entry.getValue() * 100) + "%")
        .collect(Collectors.joining(", "));
    return "chaos seed " + seed + " (" + (faults.isEmpty() ? "no faults" : faults) + ")";
  }
}
