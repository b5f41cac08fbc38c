package dev.agenttrace.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SafeFileNamesTest {

  @Test
  void keepsSafeNamesAsTheyAre() {
    assertThat(SafeFileNames.safeName("dev.example.WeatherTest")).isEqualTo("dev.example.WeatherTest");
    assertThat(SafeFileNames.safeName("Outer$Inner_answers-1")).isEqualTo("Outer$Inner_answers-1");
  }

  @Test
  void replacesEachUnsafeCharacterAndAppendsTheOriginalsHash() {
    String name = "answers(String) [1] ☂/../x";
    assertThat(SafeFileNames.safeName(name))
        .isEqualTo("answers_String___1____.._x-" + Integer.toHexString(name.hashCode()));
  }

  @Test
  void aSurrogatePairBecomesOneUnderscore() {
    String name = "weather \uD83C\uDF26 in Paris";
    assertThat(SafeFileNames.safeName(name))
        .isEqualTo("weather___in_Paris-" + Integer.toHexString(name.hashCode()));
  }

  @Test
  void emptyAndDotOnlyNamesCannotNameAFolderOrItsParent() {
    assertThat(SafeFileNames.safeName("")).isEqualTo("_-0");
    assertThat(SafeFileNames.safeName("..")).isEqualTo("_..-" + Integer.toHexString("..".hashCode()));
    assertThat(SafeFileNames.safeName(".")).startsWith("_.-");
  }

  @Test
  void cutsOverlongNames() {
    String name = "a".repeat(250);
    assertThat(SafeFileNames.safeName(name)).isEqualTo("a".repeat(100) + "-" + Integer.toHexString(name.hashCode()));
  }

  /** The rule as a regular expression (how it was first written): the fast path must name every file the same. */
  @Test
  void namesFilesExactlyAsTheRegularExpressionDid() {
    Random random = new Random(20261202);
    String alphabet = "aZ09._$-/\\ :*?\"<>|()[]{}é☂\u0000\t";
    for (int n = 0; n < 5_000; n++) {
      StringBuilder name = new StringBuilder();
      int length = random.nextInt(130);
      for (int i = 0; i < length; i++) {
        if (random.nextInt(20) == 0) {
          name.appendCodePoint(0x1F300 + random.nextInt(200));
        } else if (random.nextInt(50) == 0) {
          name.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate
        } else {
          name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String original = name.toString();
      assertThat(SafeFileNames.safeName(original)).as("safe name of %s", original).isEqualTo(regexSafeName(original));
    }
  }

  @Test
  void refusesAPathOutsideTheFolder(@org.junit.jupiter.api.io.TempDir Path folder) {
    assertThat(SafeFileNames.inside(folder, "a", "b.yaml")).isEqualTo(folder.resolve("a/b.yaml").toAbsolutePath());
    assertThatThrownBy(() -> SafeFileNames.inside(folder, "..", "b.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Refusing to use a file outside");
  }

  private static String regexSafeName(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._$-]", "_");
    if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
      safe = "_" + safe;
    }
    boolean altered = !safe.equals(name);
    if (safe.length() > 100) {
      safe = safe.substring(0, 100);
      altered = true;
    }
    return altered ? safe + "-" + Integer.toHexString(name.hashCode()) : safe;
  }
}
