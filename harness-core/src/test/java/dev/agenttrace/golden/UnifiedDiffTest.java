package dev.agenttrace.golden;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void showsChangedLinesWithThreeLinesOfContext() {
    String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
    String after = "a\nb\nc\nd\nE\nf\ng\nh\ni\n";

    assertThat(UnifiedDiff.of("golden", before, "actual", after)).isEqualTo(
        "--- golden\n+++ actual\n@@ -2,7 +2,8 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n+i\n");
  }

  @Test
  void separatesDistantChangesIntoHunks() {
    StringBuilder before = new StringBuilder();
    for (int line = 1; line <= 20; line++) {
      before.append(line).append('\n');
    }
    String after = before.toString().replace("\n2\n", "\ntwo\n").replace("\n19\n", "\nnineteen\n");

    assertThat(UnifiedDiff.of("g", before.toString(), "a", after))
        .contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n", "@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n");
  }

  @Test
  void isEmptyForEqualTexts() {
    assertThat(UnifiedDiff.of("g", "x\n", "a", "x\n")).isEmpty();
  }
}
