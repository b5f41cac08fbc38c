package dev.agenttrace.junit;

import static dev.agenttrace.junit.TestKit.onlyFailure;
import static dev.agenttrace.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.assertions.AgentTraceAssertions;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.trace.AgentTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ReportSupportTest {
  @TempDir
  Path dir;

  @AgentTest
  static class OnePassingOneFailing {
    @Test
    void passes(AgentHarness harness, LlmStub llm) {
      llm.whenAnyRequest().replyWithText("hello");
      harness.run(Agents.oneShot(), "hi");
    }

    @Test
    void failsOnAMarkedSpan(AgentHarness harness, LlmStub llm) {
      llm.whenAnyRequest().replyWithText("hello");
      AgentTrace trace = harness.run(Agents.oneShot(), "hi").trace();
      AgentTraceAssertions.assertThat(trace).llmCall(0).hasOutputText("goodbye");
    }
  }

  @AgentTest
  static class FailsSoftly {
    @Test
    void collectsTwoFailures(AgentHarness harness, LlmStub llm) {
      llm.whenAnyRequest().replyWithText("hello");
      AgentTrace trace = harness.run(Agents.oneShot(), "hi").trace();
      dev.agenttrace.assertions.SoftAgentTraceAssertions.assertSoftly(softly -> {
        softly.assertThat(trace).hasToolCallCount(1);
        softly.assertThat(trace).llmCall(0).hasOutputText("goodbye");
      });
    }
  }

  @Test
  void aSoftAssertionFailureMarksTheSpanOfTheFirstTraceAssertionThatMarksOne() throws Exception {
    runWith(FailsSoftly.class, "always");

    String report = Files.readString(dir.resolve(FailsSoftly.class.getName()).resolve("collectsTwoFailures.html"));
    java.util.regex.Matcher marked = java.util.regex.Pattern.compile("\"failedSpan\":\"([0-9a-f]{16})\"")
        .matcher(report);
    assertThat(marked.find()).as("the report names the marked span").isTrue();
    assertThat(report).contains("{\"id\":\"" + marked.group(1) + "\",\"p\":0,\"n\":\"chat gpt-4o\"");
  }

  @AgentTest
  static class NoSpans {
    @Test
    void doesNothing() {}
  }

  private EngineExecutionResults runWith(Class<?> testClass, String mode) {
    return run(testClass, Map.of(ReportSupport.DIR_PARAMETER, dir.toString(), ReportSupport.MODE_PARAMETER, mode,
        ExtensionSettings.TRACE_DIR_PARAMETER, dir.resolve("traces").toString()));
  }

  @Test
  void writesAReportPerTestPublishesItsPathAndIndexesTheRun() throws Exception {
    EngineExecutionResults results = runWith(OnePassingOneFailing.class, "always");

    Path classDir = dir.resolve(OnePassingOneFailing.class.getName());
    Path passed = classDir.resolve("passes.html");
    Path failed = classDir.resolve("failsOnAMarkedSpan.html");
    assertThat(passed).exists();
    assertThat(failed).exists();
    String failedReport = Files.readString(failed);
    assertThat(failedReport).contains("\"status\":\"failed\"")
        .contains("\"failure\":\"dev.agenttrace.assertions.TraceAssertionError: Expecting the LLM call to reply")
        .doesNotContain("(also written to");
    java.util.regex.Matcher marked = java.util.regex.Pattern.compile("\"failedSpan\":\"([0-9a-f]{16})\"")
        .matcher(failedReport);
    assertThat(marked.find()).as("the report names the marked span").isTrue();
    assertThat(failedReport).as("the marked span is the LLM call the assertion failed on")
        .contains("{\"id\":\"" + marked.group(1) + "\",\"p\":0,\"n\":\"chat gpt-4o\"");
    assertThat(Files.readString(passed)).contains("\"status\":\"passed\"");
    assertThat(results.allEvents().reportingEntryPublished().stream()
        .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
        .filter(entry -> entry.containsKey(ReportSupport.REPORT_ENTRY))
        .map(entry -> entry.get(ReportSupport.REPORT_ENTRY)))
        .containsExactlyInAnyOrder(passed.toString(), failed.toString());
    assertThat(onlyFailure(results)).hasMessageContaining("HTML report: " + failed);

    String index = Files.readString(dir.resolve("index.html"));
    assertThat(index).contains("2 agent tests, 1 failed")
        .contains("href=\"" + OnePassingOneFailing.class.getName().replace("$", "%24") + "/passes.html\"")
        .contains("<td>failsOnAMarkedSpan</td>");
  }

  @AgentTest
  static class AnotherAgentTest {
    @Test
    void answersToo(AgentHarness harness, LlmStub llm) {
      llm.whenAnyRequest().replyWithText("hello");
      harness.run(Agents.oneShot(), "hi");
    }
  }

  @Test
  void eachTestLeavesARecordAndTheIndexListsOnlyTheTestsOfItsRun() throws Exception {
    run(OnePassingOneFailing.class, Map.of(ReportSupport.DIR_PARAMETER, dir.toString(), RunId.PARAMETER, "earlier",
        ExtensionSettings.TRACE_DIR_PARAMETER, dir.resolve("traces").toString()));
    run(AnotherAgentTest.class, Map.of(ReportSupport.DIR_PARAMETER, dir.toString(), RunId.PARAMETER, "this-run",
        ExtensionSettings.TRACE_DIR_PARAMETER, dir.resolve("traces").toString()));

    assertThat(dir.resolve(OnePassingOneFailing.class.getName()).resolve("passes.record.json")).isRegularFile();
    assertThat(Files.readString(dir.resolve(AnotherAgentTest.class.getName()).resolve("answersToo.record.json")))
        .contains("\"run\":\"this-run\"").contains("\"report\":\"answersToo.html\"");
    String index = Files.readString(dir.resolve("index.html"));
    assertThat(index).contains("1 agent test, 0 failed").contains("<td>answersToo</td>")
        .doesNotContain("<td>passes</td>")
        .contains("2 reports in this folder are from other test runs and are not listed");
  }

  @Test
  void onFailureWritesOnlyTheFailingTestsReport() {
    runWith(OnePassingOneFailing.class, "on-failure");

    Path classDir = dir.resolve(OnePassingOneFailing.class.getName());
    assertThat(classDir.resolve("passes.html")).doesNotExist();
    assertThat(classDir.resolve("failsOnAMarkedSpan.html")).exists();
  }

  @Test
  void neverWritesNoReportAndTheFailureNamesNone() {
    Throwable failure = onlyFailure(runWith(OnePassingOneFailing.class, "never"));

    assertThat(dir.resolve(OnePassingOneFailing.class.getName())).doesNotExist();
    assertThat(dir.resolve("index.html")).doesNotExist();
    assertThat(failure).hasMessageNotContaining("HTML report");
  }

  @Test
  void aTestWithoutSpansGetsNoReport() {
    runWith(NoSpans.class, "always");

    assertThat(dir.resolve("index.html")).doesNotExist();
  }

  @Test
  void anUnknownModeIsExplained() {
    assertThatThrownBy(() -> ExtensionSettings.ReportMode.parse("sometimes"))
        .hasMessageContaining("expected always, on-failure or never");
    assertThat(ExtensionSettings.ReportMode.parse(" On-Failure ")).isEqualTo(ExtensionSettings.ReportMode.ON_FAILURE);
  }
}
