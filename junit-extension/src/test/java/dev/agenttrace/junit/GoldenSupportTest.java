package dev.agenttrace.junit;

import static dev.agenttrace.junit.TestKit.onlyFailure;
import static dev.agenttrace.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.golden.GoldenResult;
import dev.agenttrace.golden.GoldenTraces;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class GoldenSupportTest {
  @TempDir Path dir;

  private Map<String, String> configuration(boolean ci) {
    return Map.of(GoldenTraces.DIR_PROPERTY, dir.toString(), ExtensionSettings.CI_PARAMETER, String.valueOf(ci),
        GoldenTraces.MODE_PROPERTY, "verify");
  }

  private Path goldenOf(Class<?> testClass, String method) {
    return dir.resolve(testClass.getName()).resolve(method + ".trace.yaml");
  }

  @AgentTest(golden = true)
  static class ComparesAfterEachTest {
    @Test
    void answers(AgentHarness harness, LlmStub llm, ToolStubs tools) {
      runToolLoop(harness, llm, tools, "found it");
    }
  }

  /** The same test after a change to the agent: it answers differently. */
  @AgentTest(golden = true)
  static class AnswersDifferently {
    @Test
    void answers(AgentHarness harness, LlmStub llm, ToolStubs tools) {
      runToolLoop(harness, llm, tools, "found something else");
    }
  }

  static void runToolLoop(AgentHarness harness, LlmStub llm, ToolStubs tools, String answer) {
    llm.whenLastUserMessageContains("find").replyWithToolCall("lookup", "{\"q\":\"x\"}");
    llm.whenLastMessageIsToolResult("lookup").replyWithText(answer);
    tools.stub("lookup").returns("{\"hit\":true}");
    harness.run(Agents.toolLoop(), "find x");
  }

  /** One test that compares its golden and one that does not, in one class, so both run in one engine run. */
  static class GoldenAndPlainAgentTests {
    @Test
    @AgentTest(golden = true)
    void withGolden(AgentHarness harness, LlmStub llm, ToolStubs tools) {
      runToolLoop(harness, llm, tools, "found it");
    }

    @Test
    @AgentTest
    void withoutGolden(AgentHarness harness, LlmStub llm, ToolStubs tools) {
      runToolLoop(harness, llm, tools, "found it");
    }
  }

  @Test
  void aMalformedGoldenModeFailsTheGoldenTestsOfTheRunWithItsValueAndLeavesTheOthersAlone() {
    EngineExecutionResults results = run(GoldenAndPlainAgentTests.class, Map.of(GoldenTraces.DIR_PROPERTY,
        dir.toString(), ExtensionSettings.CI_PARAMETER, "false", GoldenTraces.MODE_PROPERTY, "verfiy"));

    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
    assertThat(results.testEvents().succeeded().stream().map(event -> event.getTestDescriptor().getDisplayName()))
        .containsExactly("withoutGolden(AgentHarness, LlmStub, ToolStubs)");
    assertThat(onlyFailure(results)).hasMessageContaining("Unknown agenttrace.golden.mode 'verfiy'")
        .hasMessageContaining("use verify (default), update or new");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void writesAMissingGoldenThenVerifiesItAndFailsWithADiffWhenTheTraceChanges() throws IOException {
    EngineExecutionResults first = run(ComparesAfterEachTest.class, configuration(false));

    first.testEvents().assertStatistics(stats -> stats.succeeded(1));
    Path golden = goldenOf(ComparesAfterEachTest.class, "answers");
    assertThat(Files.readString(golden)).startsWith("format: agenttrace-golden/1\n").contains("name: execute_tool lookup");
    assertThat(first.testEvents().reportingEntryPublished().stream()
        .flatMap(event -> event.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).stream())
        .flatMap(entry -> entry.getKeyValuePairs().entrySet().stream()))
        .anySatisfy(entry -> assertThat(entry.getValue()).contains("Golden trace written", golden.toString()));

    run(ComparesAfterEachTest.class, configuration(false)).testEvents().assertStatistics(stats -> stats.succeeded(1));

    Path changed = goldenOf(AnswersDifferently.class, "answers");
    Files.createDirectories(changed.getParent());
    Files.copy(golden, changed);
    Throwable failure = onlyFailure(run(AnswersDifferently.class, configuration(false)));
    assertThat(failure).hasMessageContaining("Golden trace mismatch")
        .hasMessageContaining("-          text: found it\n+          text: found something else");
    assertThat(changed.resolveSibling("answers.trace.yaml.new")).exists();
  }

  @Test
  void aMismatchIsShownInTheTestsHtmlReportAndTheFailureNamesTheReport() throws IOException {
    run(ComparesAfterEachTest.class, configuration(false)).testEvents().assertStatistics(stats -> stats.succeeded(1));
    Path changed = goldenOf(AnswersDifferently.class, "answers");
    Files.createDirectories(changed.getParent());
    Files.copy(goldenOf(ComparesAfterEachTest.class, "answers"), changed);
    Path reports = dir.resolve("reports");
    Map<String, String> configuration = new java.util.HashMap<>(configuration(false));
    configuration.put("agenttrace.report.dir", reports.toString());

    Throwable failure = onlyFailure(run(AnswersDifferently.class, configuration));

    Path report = reports.resolve(AnswersDifferently.class.getName()).resolve("answers.html");
    assertThat(failure).hasMessageContaining("Golden trace mismatch").hasMessageContaining("HTML report: " + report);
    assertThat(Files.readString(report))
        .contains("Golden trace diff")
        .contains("The trace does not match its golden file")
        .contains("found something else");
  }

  @Test
  void aMissingGoldenFailsOnCi() {
    Throwable failure = onlyFailure(run(ComparesAfterEachTest.class, configuration(true)));

    assertThat(failure).hasMessageContaining("Golden trace missing on CI");
    assertThat(dir).isEmptyDirectory();
  }

  @AgentTest(golden = true)
  static class FailsItself {
    @Test
    void fails(AgentHarness harness, LlmStub llm) {
      llm.whenAnyRequest().replyWithText("hi");
      harness.run(Agents.oneShot(), "hello");
      throw new AssertionError("the test's own failure");
    }
  }

  @Test
  void aFailingTestWritesNoGolden() {
    assertThat(onlyFailure(run(FailsItself.class, configuration(false)))).hasMessageContaining("the test's own failure");
    assertThat(dir).isEmptyDirectory();
  }

  @AgentTest(golden = true)
  static class RunsNoAgent {
    @Test
    void plainUnitTest() {
      assertThat(1 + 1).isEqualTo(2);
    }
  }

  @Test
  void aTestWithoutSpansGetsNoGolden() {
    run(RunsNoAgent.class, configuration(false)).testEvents().assertStatistics(stats -> stats.succeeded(1));

    assertThat(dir).isEmptyDirectory();
  }

  @AgentTest
  static class InjectsGoldenTraces {
    @Test
    void comparesOnRequest(AgentHarness harness, LlmStub llm, GoldenTraces golden) {
      llm.whenAnyRequest().replyWithText("hi");
      GoldenResult result = golden.assertMatches(harness.run(Agents.oneShot(), "hello").trace());
      assertThat(result.golden().getFileName()).hasToString("comparesOnRequest.trace.yaml");
    }
  }

  @Test
  void aGoldenTracesParameterIsBoundToTheTest() {
    run(InjectsGoldenTraces.class, configuration(false)).testEvents().assertStatistics(stats -> stats.succeeded(1));

    assertThat(goldenOf(InjectsGoldenTraces.class, "comparesOnRequest")).exists();
  }

  @Test
  void theLedgerListsGoldensNoTestUsed() throws IOException {
    GoldenTraces golden = GoldenTraces.builder().directory(dir).environment(name -> null).build();
    Path used = golden.fileFor("a.Test", "kept");
    Path stale = golden.fileFor("a.Test", "renamed");
    Files.createDirectories(used.getParent());
    Files.writeString(used, "format: agenttrace-golden/1\n");
    Files.writeString(stale, "format: agenttrace-golden/1\n");
    List<String> messages = new ArrayList<>();

    GoldenSupport.Ledger ledger = new GoldenSupport.Ledger(messages::add);
    ledger.used(golden, "a.Test", used);
    ledger.close();

    assertThat(messages).singleElement().asString()
        .contains("1 golden trace(s) no test used", stale.toString()).doesNotContain(used + "\n");
  }
}
