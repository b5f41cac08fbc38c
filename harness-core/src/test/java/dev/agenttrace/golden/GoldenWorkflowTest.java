package dev.agenttrace.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.files.SafeFileNames;
import dev.agenttrace.trace.AgentTrace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenWorkflowTest {
  private static final String CLASS = "dev.example.WeatherTest";
  private static final String TEST = "answers";

  @TempDir Path dir;
  private final List<String> reported = new ArrayList<>();

  private GoldenTraces golden(GoldenMode mode, boolean ci) {
    return builder(mode, ci).build();
  }

  private GoldenTraces.Builder builder(GoldenMode mode, boolean ci) {
    Map<String, String> environment = ci ? Map.of("CI", "true") : Map.of();
    return GoldenTraces.builder().directory(dir).mode(mode).environment(environment::get).reporter(reported::add);
  }

  private Path file() {
    return dir.resolve(CLASS).resolve(TEST + ".trace.yaml");
  }

  private Path pending() {
    return dir.resolve(CLASS).resolve(TEST + ".trace.yaml.new");
  }

  private static AgentTrace trace() {
    return new GoldenFixture().trace();
  }

  private static AgentTrace changedTrace() {
    GoldenFixture fixture = new GoldenFixture();
    fixture.answer = "Rain in Paris.";
    return fixture.trace();
  }

  @Test
  void verifyWritesAMissingGoldenLocallyAndReportsIt() throws IOException {
    GoldenResult result = golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST);

    assertThat(result.status()).isEqualTo(GoldenResult.Status.WRITTEN);
    assertThat(result.wroteFile()).isTrue();
    assertThat(Files.readString(file())).isEqualTo(golden(GoldenMode.VERIFY, false).render(trace()));
    assertThat(reported).singleElement().asString().contains("Golden trace written", file().toString());
  }

  @Test
  void aMissingGoldenFailsOnCiAndNothingIsWritten() {
    assertThatThrownBy(() -> golden(GoldenMode.VERIFY, true).assertMatches(trace(), CLASS, TEST))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Golden trace missing on CI", file().toString(), "never written on CI");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void writingModesAreRefusedOnCi() {
    assertThatThrownBy(() -> golden(GoldenMode.UPDATE, true)).hasMessageContaining("read-only on CI");
    assertThatThrownBy(() -> golden(GoldenMode.NEW, true)).hasMessageContaining("agenttrace.golden.mode=new");
  }

  @Test
  void aMatchingTracePassesAndRemovesAStalePendingFile() throws IOException {
    golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST);
    Files.writeString(pending(), "stale");

    GoldenResult result = golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST);

    assertThat(result.status()).isEqualTo(GoldenResult.Status.MATCHED);
    assertThat(pending()).doesNotExist();
  }

  @Test
  void aMismatchFailsWithAUnifiedDiffAndWritesThePendingFile() throws IOException {
    golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST);
    String before = Files.readString(file());

    assertThatThrownBy(() -> golden(GoldenMode.VERIFY, false).assertMatches(changedTrace(), CLASS, TEST))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Golden trace mismatch for " + CLASS + "/" + TEST)
        .hasMessageContaining("pending: " + pending())
        .hasMessageContaining("-Dagenttrace.golden.mode=update")
        .hasMessageContaining("--- golden answers.trace.yaml\n+++ actual\n@@ ")
        .hasMessageContaining("\n-          text: \"It is sunny in Paris, 21°C.\"\n+          text: Rain in Paris.\n");
    assertThat(Files.readString(file())).isEqualTo(before);
    assertThat(Files.readString(pending())).contains("text: Rain in Paris.");
  }

  @Test
  void compareReturnsAMismatchAsAValueWithItsDiffInsteadOfThrowing() throws IOException {
    golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST);

    GoldenResult result = golden(GoldenMode.VERIFY, false).compare(changedTrace(), CLASS, TEST);

    assertThat(result.status()).isEqualTo(GoldenResult.Status.MISMATCH);
    assertThat(result.failed()).isTrue();
    assertThat(result.wroteFile()).isFalse();
    assertThat(result.golden()).isEqualTo(file());
    assertThat(result.diff()).get().asString()
        .startsWith("--- golden answers.trace.yaml\n+++ actual\n@@ ")
        .contains("+          text: Rain in Paris.\n");
    assertThat(result.message()).contains("Golden trace mismatch for " + CLASS + "/" + TEST, result.diff().get());
    assertThat(Files.readString(pending())).contains("text: Rain in Paris.");
  }

  @Test
  void compareReportsAGoldenMissingOnCiWithoutWritingIt() {
    GoldenResult result = golden(GoldenMode.VERIFY, true).compare(trace(), CLASS, TEST);

    assertThat(result.status()).isEqualTo(GoldenResult.Status.MISSING_ON_CI);
    assertThat(result.failed()).isTrue();
    assertThat(result.diff()).isEmpty();
    assertThat(result.message()).contains("Golden trace missing on CI", file().toString());
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void compareOfAMatchingTraceHasNoDiffAndDoesNotFail() {
    golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST);

    GoldenResult result = golden(GoldenMode.VERIFY, false).forTest(CLASS, TEST).compare(trace());

    assertThat(result.status()).isEqualTo(GoldenResult.Status.MATCHED);
    assertThat(result.failed()).isFalse();
    assertThat(result.diff()).isEmpty();
  }

  @Test
  void onCiAMismatchWritesNoPendingFile() {
    golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST);

    assertThatThrownBy(() -> golden(GoldenMode.VERIFY, true).assertMatches(changedTrace(), CLASS, TEST))
        .hasMessageContaining("not written on CI");
    assertThat(pending()).doesNotExist();
  }

  @Test
  void updateRewritesTheGoldenAndClearsThePendingFile() throws IOException {
    golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST);
    Files.writeString(pending(), "stale");

    GoldenResult result = golden(GoldenMode.UPDATE, false).assertMatches(changedTrace(), CLASS, TEST);

    assertThat(result.status()).isEqualTo(GoldenResult.Status.UPDATED);
    assertThat(Files.readString(file())).contains("text: Rain in Paris.");
    assertThat(pending()).doesNotExist();
    assertThat(golden(GoldenMode.UPDATE, false).assertMatches(changedTrace(), CLASS, TEST).status())
        .isEqualTo(GoldenResult.Status.MATCHED);
  }

  @Test
  void newWritesOnlyMissingGoldensAndVerifiesExistingOnes() {
    assertThat(golden(GoldenMode.NEW, false).assertMatches(trace(), CLASS, TEST).status())
        .isEqualTo(GoldenResult.Status.WRITTEN);

    assertThatThrownBy(() -> golden(GoldenMode.NEW, false).assertMatches(changedTrace(), CLASS, TEST))
        .hasMessageContaining("Golden trace mismatch");
  }

  @Test
  void structuralComparisonLooksOnlyAtShapeAndNames() {
    golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST);
    GoldenTraces structural = builder(GoldenMode.VERIFY, false).comparison(GoldenComparison.STRUCTURAL).build();

    assertThat(structural.assertMatches(changedTrace(), CLASS, TEST).status()).isEqualTo(GoldenResult.Status.MATCHED);

    GoldenFixture failing = new GoldenFixture();
    failing.failingTool = true;
    assertThatThrownBy(() -> structural.assertMatches(AgentTrace.empty(), CLASS, TEST))
        .hasMessageContaining("-  - kind: agent_segment");
  }

  @Test
  void ignoredFieldsAreLeftOutOfTheComparison() {
    golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST);
    GoldenFixture moreTokens = new GoldenFixture();
    moreTokens.outputTokens = 500;

    GoldenTraces ignoringUsage = builder(GoldenMode.VERIFY, false).ignore(Selector.field("usage")).build();

    assertThat(ignoringUsage.assertMatches(moreTokens.trace(), CLASS, TEST).status())
        .isEqualTo(GoldenResult.Status.MATCHED);
    assertThatThrownBy(() -> golden(GoldenMode.VERIFY, false).assertMatches(moreTokens.trace(), CLASS, TEST))
        .hasMessageContaining("+      output_tokens: 500");
  }

  @Test
  void aMalformedGoldenFailsWithFileLineColumnAndWhatToDo() throws IOException {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "format: agenttrace-golden/1\nspans:\n  - kind: [unclosed\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST))
        .isInstanceOf(GoldenFileException.class)
        .hasMessageMatching("(?s)" + java.util.regex.Pattern.quote(file().toString()) + ":\\d+:\\d+: malformed golden "
            + "trace: .*-Dagenttrace.golden.mode=update.*");
    // update mode repairs it
    golden(GoldenMode.UPDATE, false).assertMatches(trace(), CLASS, TEST);
    assertThat(golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST).status())
        .isEqualTo(GoldenResult.Status.MATCHED);
  }

  @Test
  void aGoldenFromANewerFormatSaysSo() throws IOException {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "format: agenttrace-golden/2\nspans: []\n");

    assertThatThrownBy(() -> golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST))
        .isInstanceOf(GoldenFileException.class)
        .hasMessageContaining("written by a newer AgentTrace (format agenttrace-golden/2)")
        .hasMessageContaining("reads agenttrace-golden/1");
  }

  @Test
  void aFileWithoutTheHeaderIsNotAGolden() throws IOException {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "spans: []\n");

    assertThatThrownBy(() -> golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST))
        .hasMessageContaining(":1:1: not a golden trace: expected the header 'format: agenttrace-golden/1'");
    Files.writeString(file(), "- just a list\n");
    assertThatThrownBy(() -> golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST))
        .hasMessageContaining("not a golden trace");
  }

  @Test
  void testNamesThatWouldEscapeTheFolderAreSafelyEncoded() {
    GoldenTraces golden = golden(GoldenMode.VERIFY, false);

    Path escaping = golden.fileFor("../../etc", "../passwd");
    Path slashes = golden.fileFor("a/b\\c", "x/../../y");

    assertThat(escaping.startsWith(dir)).isTrue();
    assertThat(escaping.getParent().getParent()).isEqualTo(dir);
    assertThat(escaping.getFileName().toString()).startsWith(".._passwd-").endsWith(".trace.yaml");
    assertThat(slashes.startsWith(dir)).isTrue();
    assertThat(golden.fileFor("..", "..").getParent().getParent()).isEqualTo(dir);
    assertThatThrownBy(() -> SafeFileNames.inside(dir, "..", "x")).hasMessageContaining("outside");
  }

  @Test
  void filesAreWrittenAtomicallyLeavingNoTemporaryFiles() throws IOException {
    golden(GoldenMode.VERIFY, false).assertMatches(trace(), CLASS, TEST);
    golden(GoldenMode.UPDATE, false).assertMatches(changedTrace(), CLASS, TEST);
    Path directoryInTheWay = dir.resolve("blocked.trace.yaml");
    Files.createDirectories(directoryInTheWay.resolve("child"));

    assertThatThrownBy(() -> GoldenFiles.writeAtomically(directoryInTheWay, "x"))
        .hasMessageContaining("Could not write");
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
    }
  }

  @Test
  void listsGoldensNoTestUsed() throws IOException {
    GoldenTraces golden = golden(GoldenMode.VERIFY, false);
    golden.assertMatches(trace(), CLASS, TEST);
    Path old = file().resolveSibling("renamedAway.trace.yaml");
    Files.writeString(old, "format: agenttrace-golden/1\n");
    Files.writeString(file().resolveSibling("notes.txt"), "not a golden");

    assertThat(golden.unusedGoldens(List.of(CLASS, "other.Class"), List.of(file()))).containsExactly(old);
  }

  @Test
  void aBoundInstanceKnowsItsFile() {
    GoldenTraces bound = golden(GoldenMode.VERIFY, false).forTest(CLASS, TEST);

    assertThat(bound.assertMatches(trace()).golden()).isEqualTo(file());
    assertThatThrownBy(() -> golden(GoldenMode.VERIFY, false).assertMatches(trace()))
        .hasMessageContaining("Not bound to a test");
  }

  @Test
  void parsesModes() {
    assertThat(GoldenMode.parse(" Update ")).isEqualTo(GoldenMode.UPDATE);
    assertThatThrownBy(() -> GoldenMode.parse("overwrite")).hasMessageContaining("use verify (default), update or new");
  }
}
