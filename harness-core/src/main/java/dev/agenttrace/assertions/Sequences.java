package dev.agenttrace.assertions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares a sequence of names (tool names, models, trajectory labels) with expected name patterns
 * ({@link Glob}s) in the order modes of the peers: exact, in order (subsequence), any order, subset, superset. Each
 * check returns what went wrong, or empty. Patterns are assigned greedily, literal names before wildcards.
 */
final class Sequences {
  private Sequences() {}

  static Optional<String> exactly(List<String> actual, List<String> expected) {
    for (int i = 0; i < Math.max(actual.size(), expected.size()); i++) {
      if (i >= actual.size()) {
        return Optional.of("it ends after " + actual.size() + ", missing " + Values.list(expected.subList(i,
            expected.size())));
      }
      if (i >= expected.size()) {
        return Optional.of("it continues with unexpected " + Values.list(actual.subList(i, actual.size())));
      }
      if (!Glob.of(expected.get(i)).matches(actual.get(i))) {
        return Optional.of("element #" + i + " is " + Values.quoted(actual.get(i)) + ", not "
            + Values.quoted(expected.get(i)));
      }
    }
    return Optional.empty();
  }

  static Optional<String> inOrder(List<String> actual, List<String> expected) {
    List<Glob> globs = expected.stream().map(Glob::of).toList();
    int next = 0;
    for (String name : actual) {
      if (next < globs.size() && globs.get(next).matches(name)) {
        next++;
      }
    }
    if (next == expected.size()) {
      return Optional.empty();
    }
    return Optional.of(Values.quoted(expected.get(next)) + " (#" + next + " of the expected order) does not follow "
        + (next == 0 ? "the start" : Values.quoted(expected.get(next - 1))));
  }

  static Optional<String> anyOrder(List<String> actual, List<String> expected) {
    Assignment assignment = assign(actual, expected);
    if (assignment.unmatchedExpected.isEmpty() && assignment.unmatchedActual.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(missingAndExtra(assignment));
  }

  /** Every actual name is allowed by some pattern. */
  static Optional<String> subsetOf(List<String> actual, List<String> allowed) {
    List<Glob> globs = allowed.stream().map(Glob::of).toList();
    List<String> extra = actual.stream().filter(name -> globs.stream().noneMatch(glob -> glob.matches(name))).toList();
    return extra.isEmpty() ? Optional.empty() : Optional.of("these are not among them: " + Values.list(extra));
  }

  /** Every pattern matches a distinct actual name. */
  static Optional<String> supersetOf(List<String> actual, List<String> required) {
    Assignment assignment = assign(actual, required);
    return assignment.unmatchedExpected.isEmpty() ? Optional.empty()
        : Optional.of("missing " + Values.list(assignment.unmatchedExpected));
  }

  private static String missingAndExtra(Assignment assignment) {
    List<String> parts = new ArrayList<>();
    if (!assignment.unmatchedExpected.isEmpty()) {
      parts.add("missing " + Values.list(assignment.unmatchedExpected));
    }
    if (!assignment.unmatchedActual.isEmpty()) {
      parts.add("unexpected " + Values.list(assignment.unmatchedActual));
    }
    return String.join(", ", parts);
  }

  private static Assignment assign(List<String> actual, List<String> expected) {
    List<String> remaining = new ArrayList<>(actual);
    List<String> unmatched = new ArrayList<>();
    List<String> ordered = new ArrayList<>(expected.stream().filter(p -> Glob.of(p).isLiteral()).toList());
    ordered.addAll(expected.stream().filter(p -> !Glob.of(p).isLiteral()).toList());
    for (String pattern : ordered) {
      Glob glob = Glob.of(pattern);
      int index = -1;
      for (int i = 0; i < remaining.size() && index < 0; i++) {
        if (glob.matches(remaining.get(i))) {
          index = i;
        }
      }
      if (index < 0) {
        unmatched.add(pattern);
      } else {
        remaining.remove(index);
      }
    }
    return new Assignment(unmatched, remaining);
  }

  private record Assignment(List<String> unmatchedExpected, List<String> unmatchedActual) {}
}
