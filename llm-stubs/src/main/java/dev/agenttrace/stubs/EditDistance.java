package dev.agenttrace.stubs;

import java.util.Collection;
import java.util.Optional;

/** Levenshtein distance, used to suggest the stubbed name closest to a misspelt one ("did you mean ...?"). */
final class EditDistance {
  private EditDistance() {}

  static int between(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /**
   * The candidate closest to {@code name}, if one is close enough to be a plausible typo: at most half the longer
   * name's length away. Ties go to the first candidate in iteration order.
   */
  static Optional<String> closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = between(name, candidate);
      if (distance < bestDistance && distance <= Math.max(name.length(), candidate.length()) / 2) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }
}
