package dev.agenttrace.stubs;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One condition of a {@link RequestMatcher}, with what it expects and how to show the actual value, so a near miss
 * can mark each condition matched or not with expected vs actual side by side.
 *
 * @param description what is expected, e.g. {@code last user message contains "Paris"}
 * @param test whether a received request satisfies it
 * @param actual the relevant part of a request that did not satisfy it, e.g. {@code "What's the weather in Rome?"}
 */
record Criterion(String description, Predicate<Received> test, Function<Received, String> actual) {

  /** Evaluates this criterion against {@code received}. */
  Result evaluate(Received received) {
    return new Result(description, test.test(received), actual.apply(received));
  }

  /** The outcome of one criterion for one request. */
  record Result(String description, boolean matched, String actual) {}
}
