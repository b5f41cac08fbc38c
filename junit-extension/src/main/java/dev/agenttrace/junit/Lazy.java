package dev.agenttrace.junit;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed the first time it is asked for and kept; safe for the parallel tests of a run, which may ask at
 * once (the computation then runs once). A computation that throws is not kept: the next caller tries again and
 * sees the same error, so a bad setting fails every test that needs it, and only those.
 */
final class Lazy<T> implements Supplier<T> {
  private final Supplier<T> computation;
  private volatile T value;

  Lazy(Supplier<T> computation) {
    this.computation = Objects.requireNonNull(computation, "computation");
  }

  @Override
  public T get() {
    T result = value;
    if (result == null) {
      synchronized (this) {
        result = value;
        if (result == null) {
          result = Objects.requireNonNull(computation.get(), "computed value");
          value = result;
        }
      }
    }
    return result;
  }
}
