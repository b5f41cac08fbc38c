package dev.agenttrace.junit;

import static dev.agenttrace.junit.TestKit.onlyFailure;
import static dev.agenttrace.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.assertions.TraceAssertionError;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.runtime.Agent;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class CrashExplorationOptionTest {
  /** A key-shaped value the tool returns: it must not reach a written report or the failure message. */
  static final String SECRET = "sk-proj-" + "Xq7".repeat(30);

  @TempDir
  Path reports;

  @TempDir
  Path traces;

  /** Asks the model once, waits on a tool, answers. */
  static final Agent<String, String> ASKS_AND_LOOKS_UP = (ctx, question) -> {
    String answer = ctx.chat(ChatRequest.of("gpt-4o", List.of(Message.user(question)))).text();
    return answer + " / " + ctx.callTool(new ToolCall("c1", "lookup", "{}"));
  };

  static void stub(LlmStub llm, ToolStubs tools) {
    llm.whenLastUserMessageContains("q").replyWithText("a");
    tools.stub("lookup").returns("found " + SECRET);
  }

  @AgentTest(crashExploration = true)
  static class ExploresEveryRunOfAPassingTest {
    @Test
    void runs(AgentHarness harness, LlmStub llm, ToolStubs tools) {
      stub(llm, tools);
      assertThat(harness.run(ASKS_AND_LOOKS_UP, "q").output()).isEqualTo("a / found " + SECRET);
    }
  }

  /** Counts its own runs outside the journal: every crashed run answers differently. */
  @AgentTest(crashExploration = true)
  static class NonDeterministic {
    @Test
    void runs(AgentHarness harness, LlmStub llm, ToolStubs tools) {
      stub(llm, tools);
      AtomicInteger invocations = new AtomicInteger();
      harness.run((ctx, question) -> {
        int seen = invocations.incrementAndGet();
        return ASKS_AND_LOOKS_UP.run(ctx, question) + " #" + seen;
      }, "q");
    }
  }

  /** The same option set in code. */
  static class NonDeterministicRegisteredWithBuilder {
    @RegisterExtension
    static AgentTraceExtension agentTrace = AgentTraceExtension.builder().crashExploration(true).build();

    @Test
    void runs(AgentHarness harness, LlmStub llm, ToolStubs tools) {
      new NonDeterministic().runs(harness, llm, tools);
    }
  }

  @Test
  void aPassingTestIsExploredAtEveryCrashPointAndItsOwnTraceStaysAsItWas() throws IOException {
    EngineExecutionResults results = run(ExploresEveryRunOfAPassingTest.class,
        Map.of("agenttrace.report.dir", reports.toString(), "agenttrace.trace.dir", traces.toString()));

    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    assertThat(written(traces)).singleElement().satisfies(traceFile -> assertThat(Files.readString(traceFile))
        .contains("1 execution · 2 segments · 1 LLM call · 1 tool call"));
    assertThat(written(reports)).noneMatch(file -> file.toString().endsWith("-crashed.html"));
  }

  @Test
  void aRunThatDoesNotRecoverExactlyOnceFailsTheTestWithThePointAndBothReports() throws IOException {
    Throwable failure = onlyFailure(run(NonDeterministic.class, Map.of("agenttrace.report.dir", reports.toString(),
        "agenttrace.trace.dir", traces.toString())));

    assertThat(failure).isInstanceOf(TraceAssertionError.class)
        .hasMessageContaining("[@AgentTest(crashExploration = true), run agent-1; HTML reports: uncrashed run ")
        .hasMessageContaining("Expecting agent to recover exactly once from a crash at each of its")
        .hasMessageContaining("✗ crash before chat gpt-4o (operation #0 of agent)")
        .hasMessageContaining("Uncrashed run:")
        .hasMessageContaining("◀ here")
        .hasMessageNotContaining(SECRET);
    List<Path> written = written(reports);
    assertThat(written).anyMatch(file -> file.toString().endsWith("-uncrashed.html"))
        .anyMatch(file -> file.toString().endsWith("-crashed.html"));
    for (Path file : written) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContain(SECRET);
    }
  }

  @Test
  void theOptionSetWithTheBuilderExploresToo() {
    Throwable failure = onlyFailure(run(NonDeterministicRegisteredWithBuilder.class,
        Map.of("agenttrace.report.mode", "never", "agenttrace.trace.dir", traces.toString())));

    assertThat(failure).isInstanceOf(TraceAssertionError.class)
        .hasMessageContaining("✗ crash before chat gpt-4o (operation #0 of agent)")
        .hasMessageNotContaining("HTML reports:");
  }

  private static List<Path> written(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
