package dev.agenttrace.redaction;

import java.util.Arrays;
import java.util.Comparator;

/** The character ranges of a text that hold secrets: sorted, never overlapping. */
final class Ranges {
  private int[] bounds = new int[8];
  private int size;

  /** Adds {@code [start, end)}; one that overlaps a range added before is merged with it. */
  void add(int start, int end) {
    if (end <= start) {
      return;
    }
    if (size > 0 && start < end(size - 1)) {
      addUnordered(start, end);
      return;
    }
    if (2 * size + 2 > bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
    }
    bounds[2 * size] = start;
    bounds[2 * size + 1] = end;
    size++;
  }

  private void addUnordered(int start, int end) {
    int[][] all = new int[size + 1][];
    for (int i = 0; i < size; i++) {
      all[i] = new int[] {start(i), end(i)};
    }
    all[size] = new int[] {start, end};
    Arrays.sort(all, Comparator.comparingInt(range -> range[0]));
    bounds = new int[Math.max(8, 2 * all.length)];
    size = 0;
    for (int[] range : all) {
      if (size > 0 && range[0] <= end(size - 1)) {
        bounds[2 * size - 1] = Math.max(end(size - 1), range[1]);
      } else {
        bounds[2 * size] = range[0];
        bounds[2 * size + 1] = range[1];
        size++;
      }
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  int start(int index) {
    return bounds[2 * index];
  }

  int end(int index) {
    return bounds[2 * index + 1];
  }

  /** The end of the last range, or 0. */
  int lastEnd() {
    return size == 0 ? 0 : end(size - 1);
  }

  /** {@code text} with every range replaced by {@code marker}. */
  String apply(String text, String marker) {
    if (size == 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (int i = 0; i < size; i++) {
      out.append(text, at, start(i)).append(marker);
      at = end(i);
    }
    return out.append(text, at, text.length()).toString();
  }
}
