package dev.agenttrace.examples.clients;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The retry policy of the example agents: call again, up to a number of attempts, when the failure is one a provider
 * call can recover from (the client's HTTP, I/O and stream errors). No pause between attempts: the stubs' chaos
 * sends short {@code retry-after}s, and tests never wait.
 */
final class Retrying {
  private Retrying() {}

  static <T> T call(int attempts, Predicate<RuntimeException> retryable, Supplier<T> call) {
    if (attempts < 1) {
      throw new IllegalArgumentException("At least 1 attempt but was " + attempts);
    }
    RuntimeException last = null;
    for (int attempt = 0; attempt < attempts; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        if (!retryable.test(e)) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }
}
