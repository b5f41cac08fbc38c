package dev.agenttrace.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * A journaled failure: an operation that threw. Replays rethrow {@link #original()} when it is still in memory, or
 * an equivalent exception built from type and message after a restart.
 */
public record RecordedFailure(String type, String message, Throwable original) {
  public RecordedFailure {
    Objects.requireNonNull(type, "type");
    message = Objects.requireNonNullElse(message, "");
  }

  public static RecordedFailure of(Throwable error) {
    return new RecordedFailure(error.getClass().getName(), error.getMessage(), error);
  }

  public Optional<Throwable> originalError() {
    return Optional.ofNullable(original);
  }
}
