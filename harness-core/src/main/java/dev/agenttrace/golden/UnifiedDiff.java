package dev.agenttrace.golden;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line ({@code ---}/{@code +++} headers, {@code @@} hunks with three lines of
 * context), as {@code git diff} shows it — the form reviewers already read. Longest-common-subsequence based; fine
 * for golden files of thousands of lines.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;
  /** Above this many LCS cells the changed middle is shown as one removed and one added block. */
  private static final long MAX_CELLS = 20_000_000L;

  private UnifiedDiff() {}

  /** The diff from {@code expected} to {@code actual}; empty when the texts have the same lines. */
  static String of(String expectedName, String expected, String actualName, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    List<int[]> edits = edits(a, b);
    if (edits.stream().allMatch(edit -> edit[0] == ' ')) {
      return "";
    }
    StringBuilder out = new StringBuilder("--- ").append(expectedName).append("\n+++ ").append(actualName)
        .append("\n");
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i)[0] == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int lastChange = i;
      while (end < edits.size() && end - lastChange <= 2 * CONTEXT) {
        if (edits.get(end)[0] != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(edits.size(), lastChange + CONTEXT + 1);
      appendHunk(out, edits.subList(start, end), a, b);
      i = end;
    }
    return out.toString();
  }

  private static void appendHunk(StringBuilder out, List<int[]> hunk, List<String> a, List<String> b) {
    int aStart = hunk.get(0)[1];
    int bStart = hunk.get(0)[2];
    int aCount = (int) hunk.stream().filter(edit -> edit[0] != '+').count();
    int bCount = (int) hunk.stream().filter(edit -> edit[0] != '-').count();
    out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n");
    for (int[] edit : hunk) {
      String line = edit[0] == '+' ? b.get(edit[2]) : a.get(edit[1]);
      out.append((char) edit[0]).append(line).append('\n');
    }
  }

  private static String range(int start, int count) {
    return count == 0 ? start + ",0" : (start + 1) + "," + count;
  }

  /** Edits as {op, index in a, index in b}; op is ' ', '-' or '+'. */
  private static List<int[]> edits(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    int n = a.size() - prefix - suffix;
    int m = b.size() - prefix - suffix;
    if ((long) n * m > MAX_CELLS) {
      return blockReplacement(a.size(), b.size(), prefix, suffix);
    }
    int[][] lcs = new int[n + 1][m + 1];
    for (int x = n - 1; x >= 0; x--) {
      for (int y = m - 1; y >= 0; y--) {
        lcs[x][y] = a.get(prefix + x).equals(b.get(prefix + y))
            ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
      }
    }
    List<int[]> edits = new ArrayList<>();
    for (int k = 0; k < prefix; k++) {
      edits.add(new int[] {' ', k, k});
    }
    int x = 0;
    int y = 0;
    while (x < n || y < m) {
      if (x < n && y < m && a.get(prefix + x).equals(b.get(prefix + y))) {
        edits.add(new int[] {' ', prefix + x++, prefix + y++});
      } else if (y < m && (x == n || lcs[x][y + 1] > lcs[x + 1][y])) {
        edits.add(new int[] {'+', prefix + x, prefix + y++});
      } else {
        edits.add(new int[] {'-', prefix + x++, prefix + y});
      }
    }
    for (int k = 0; k < suffix; k++) {
      edits.add(new int[] {' ', a.size() - suffix + k, b.size() - suffix + k});
    }
    return edits;
  }

  private static List<int[]> blockReplacement(int aSize, int bSize, int prefix, int suffix) {
    List<int[]> edits = new ArrayList<>();
    for (int k = 0; k < prefix; k++) {
      edits.add(new int[] {' ', k, k});
    }
    for (int k = prefix; k < aSize - suffix; k++) {
      edits.add(new int[] {'-', k, prefix});
    }
    for (int k = prefix; k < bSize - suffix; k++) {
      edits.add(new int[] {'+', aSize - suffix, k});
    }
    for (int k = 0; k < suffix; k++) {
      edits.add(new int[] {' ', aSize - suffix + k, bSize - suffix + k});
    }
    return edits;
  }
}
