package dev.agenttrace.stubs;

import java.util.concurrent.atomic.AtomicLong;

/** Deterministic ids {@code prefix1}, {@code prefix2}, ... for one stub instance; thread-safe. */
final class IdSequence {
  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  IdSequence(String prefix) {
    this.prefix = prefix;
  }

  String next() {
    return prefix + counter.incrementAndGet();
  }
}
