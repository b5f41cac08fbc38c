package dev.agenttrace.junit;

import static dev.agenttrace.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.stubs.LlmStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceFilesTest {
  @TempDir
  Path dir;

  @Test
  void plainNamesMakeAFolderPerClassAndAFilePerMethod() {
    Path file = new TraceFiles(dir).fileFor("com.acme.WeatherAgentTest", "answers", "[method:answers()]");
    assertThat(file).isEqualTo(dir.resolve("com.acme.WeatherAgentTest").resolve("answers.trace.txt"));
  }

  @Test
  void invocationsOfParameterizedTestsGetTheirIndex() {
    Path file = new TraceFiles(dir).fileFor("A", "isolated", "[test-template:isolated(int)]/[test-template-invocation:#7]");
    assertThat(file.getFileName()).hasToString("isolated-7.trace.txt");
  }

  @Test
  void oddNamesAreReducedToSafeCharactersAndCannotEscapeTheFolder() {
    TraceFiles files = new TraceFiles(dir);
    for (String hostile : new String[] {"../../etc/passwd", "..", "a/b\\c", "names with spaces ☃", "C:\\evil", "",
        "x".repeat(500), "nul\u0000byte"}) {
      Path file = files.fileFor(hostile, hostile, "[method:x]");
      assertThat(file.normalize()).startsWithRaw(dir.toAbsolutePath().normalize());
      assertThat(file.getParent().getParent()).isEqualTo(dir.toAbsolutePath().normalize());
      assertThat(file.getFileName().toString()).matches("[A-Za-z0-9._$-]+\\.trace\\.txt").hasSizeLessThan(130);
    }
    assertThat(files.fileFor("A", "a b", "x")).isNotEqualTo(files.fileFor("A", "a_b", "x"));
  }

  @AgentTest
  static class WritesItsTrace {
    @ParameterizedTest
    @ValueSource(strings = {"one", "two"})
    void answers(String word, AgentHarness harness, LlmStub llm) {
      llm.whenAnyRequest().replyWithText("said " + word);
      harness.run(Agents.oneShot(), word);
    }

    @Test
    void runsNoAgent() {}
  }

  @Test
  void eachAgentTestLeavesItsTraceTreeBehind() throws IOException {
    run(WritesItsTrace.class, Map.of(ExtensionSettings.TRACE_DIR_PARAMETER, dir.toString())).testEvents()
        .assertStatistics(stats -> stats.succeeded(3));

    Path classDir = dir.resolve(WritesItsTrace.class.getName());
    try (Stream<Path> files = Files.list(classDir)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .containsExactlyInAnyOrder("answers-1.trace.txt", "answers-2.trace.txt");
    }
    assertThat(Files.readString(classDir.resolve("answers-2.trace.txt")))
        .startsWith("[2] word=two")
        .contains("invoke_agent agent [segment 0 · completed")
        .contains("\"said two\"");
  }
}
