package dev.agenttrace.runtime;

import io.opentelemetry.sdk.common.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The test's clock: real elapsed time plus whatever the test skipped with {@link #advance}. Timers wait on it, so a
 * one-hour {@code ctx.sleep} costs nothing; handed to the capture's SDK as its {@link Clock}, it makes span
 * timestamps show the skipped time as real gaps in the timeline. Thread-safe.
 */
public final class VirtualClock implements Clock {
  private final long startEpochNanos;
  private final long startNanoTime;
  private final AtomicLong skippedNanos = new AtomicLong();

  private VirtualClock(Instant start) {
    this.startEpochNanos = TimeUnit.SECONDS.toNanos(start.getEpochSecond()) + start.getNano();
    this.startNanoTime = System.nanoTime();
  }

  /** A clock starting at the current wall-clock time. */
  public static VirtualClock create() {
    return new VirtualClock(Instant.now());
  }

  /** A clock starting at {@code start}. */
  public static VirtualClock startingAt(Instant start) {
    return new VirtualClock(start);
  }

  /** Skips {@code duration} of virtual time. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("Time only moves forward; cannot advance by " + duration);
    }
    skippedNanos.addAndGet(duration.toNanos());
  }

  /** How much virtual time has been skipped so far: the waits that cost the test nothing. */
  public Duration skipped() {
    return Duration.ofNanos(skippedNanos.get());
  }

  /** The current virtual instant. */
  public Instant instant() {
    long nanos = now();
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  /** Epoch nanoseconds of the virtual time (OpenTelemetry {@link Clock} contract). */
  @Override
  public long now() {
    return startEpochNanos + nanoTime() - startNanoTime;
  }

  @Override
  public long nanoTime() {
    return System.nanoTime() + skippedNanos.get();
  }
}
