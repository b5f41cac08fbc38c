package dev.agenttrace.stubs;

/**
 * A function that may throw a checked exception, so a tool stub's answer can fail the way a real tool does
 * ({@code IOException}, timeouts, ...).
 */
@FunctionalInterface
public interface ThrowingFunction<T, R> {
  R apply(T input) throws Exception;
}
