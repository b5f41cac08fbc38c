package dev.agenttrace.golden;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A value that legitimately varies between runs, checked by kind instead of by value (Jest's property matchers):
 * when the actual value satisfies the matcher, the golden file holds the matcher's label ({@code <any number>}),
 * otherwise the real value, so the diff shows what broke the rule.
 */
public final class ValueMatcher {
  private final String label;
  private final Predicate<String> accepts;
  private final boolean numeric;

  private ValueMatcher(String label, boolean numeric, Predicate<String> accepts) {
    this.label = label;
    this.numeric = numeric;
    this.accepts = accepts;
  }

  /** Any number (integer or decimal). */
  public static ValueMatcher anyNumber() {
    return new ValueMatcher("<any number>", true, text -> true);
  }

  /** Any string, including the empty string. */
  public static ValueMatcher anyString() {
    return new ValueMatcher("<any string>", false, text -> true);
  }

  /** Any string the regular expression matches entirely. */
  public static ValueMatcher anyStringMatching(String regex) {
    Pattern pattern = Pattern.compile(Objects.requireNonNull(regex, "regex"));
    return new ValueMatcher("<any string matching " + regex + ">", false, text -> pattern.matcher(text).matches());
  }

  /** What the golden file holds in place of a matching value. */
  public String label() {
    return label;
  }

  boolean matchesNumber() {
    return numeric;
  }

  boolean accepts(String text) {
    return accepts.test(text);
  }

  @Override
  public String toString() {
    return label;
  }
}
