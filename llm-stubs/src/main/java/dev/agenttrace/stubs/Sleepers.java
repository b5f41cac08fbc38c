package dev.agenttrace.stubs;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The default way stubs simulate latency: really sleeping. Tests normally replace it with a virtual clock's
 * {@code advance} so they never wait.
 */
final class Sleepers {
  private Sleepers() {}

  /** Sleeps on the calling thread; an interrupt ends the sleep early and keeps the thread's interrupt flag set. */
  static Consumer<Duration> threadSleep() {
    return interruptible(duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000));
  }

  /** A blocking wait that may be interrupted. */
  @FunctionalInterface
  interface Wait {
    void await(Duration duration) throws InterruptedException;
  }

  /** {@code wait} as a sleeper: an interrupt ends it and is kept as the thread's interrupt flag. */
  static Consumer<Duration> interruptible(Wait wait) {
    return duration -> {
      try {
        wait.await(duration);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /** Checks a simulated latency: not null and not negative. */
  static Duration checkLatency(Duration latency) {
    if (latency == null || latency.isNegative()) {
      throw new IllegalArgumentException("Latency must be zero or positive but was " + latency);
    }
    return latency;
  }
}
