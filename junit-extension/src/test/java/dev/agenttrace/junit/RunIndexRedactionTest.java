package dev.agenttrace.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.report.ReportIndex;
import dev.agenttrace.report.RunRecord;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.stubs.LlmStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A secret in a test's name (a parameterized test's display name shows its arguments) or in its failure message
 * never reaches the run records, the run index the extension rebuilds from them, or an index merged from the
 * report folder: every seeded secret of {@link SecretCorpus}, through the real extension.
 */
class RunIndexRedactionTest {
  private static final SecretCorpus CORPUS = new SecretCorpus();

  @TempDir
  Path dir;

  @AgentTest
  static class SecretsInNames {
    static Stream<String> secrets() {
      return CORPUS.secrets().stream().map(SecretCorpus.Secret::text);
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void leaks(String secret, AgentHarness harness, LlmStub llm) {
      llm.whenAnyRequest().replyWithText("hello");
      harness.run(Agents.oneShot(), "hi");
      throw new AssertionError("the agent leaked " + secret);
    }
  }

  @Test
  void noSeededSecretReachesARunRecordTheIndexOrAMergedIndex() throws Exception {
    Path reports = dir.resolve("reports");
    EngineExecutionResults results = TestKit.run(SecretsInNames.class, Map.of(
        ReportSupport.DIR_PARAMETER, reports.toString(),
        ExtensionSettings.TRACE_DIR_PARAMETER, dir.resolve("traces").toString()));
    int tests = CORPUS.secrets().size();
    results.testEvents().assertStatistics(stats -> stats.started(tests).failed(tests));
    Path merged = ReportIndex.merge(dir.resolve("merged"), List.of(reports), false, RedactionPolicy.defaults());

    Map<String, String> outputs = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(reports)) {
      for (Path file : walk.filter(file -> file.getFileName().toString().endsWith(RunRecord.SUFFIX)).toList()) {
        outputs.put(dir.relativize(file).toString(), Files.readString(file));
      }
    }
    assertThat(outputs).hasSize(tests);
    outputs.put("index", Files.readString(reports.resolve(ReportIndex.FILE_NAME)));
    outputs.put("merged index", Files.readString(merged));
    assertThat(outputs.get("index")).contains(tests + " agent tests, " + tests + " failed").contains("[REDACTED]");
    assertThat(outputs.get("merged index")).contains(tests + " agent tests, " + tests + " failed");

    assertThat(CORPUS.leaksIn(outputs)).as("secrets found in the records and indexes").isEmpty();
  }
}
