package dev.agenttrace.assertions;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One condition of a selection ({@code named "get_*"}, {@code gen_ai.tool.name = x}): how it reads in a failure,
 * which field it compares, the expected value, the test, and the candidate's actual value for the near-miss table.
 */
record Criterion<V>(String phrase, String field, String expected, Predicate<V> test, Function<V, String> actual) {}
