package dev.agenttrace.junit;

import static dev.agenttrace.junit.TestKit.onlyFailure;
import static dev.agenttrace.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.runtime.Agent;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class CrashExplorationOptionTest {
  @TempDir
  Path reports;

  /** Asks the model once, waits on a tool, answers. */
  static final Agent<String, String> ASKS_AND_LOOKS_UP = (ctx, question) -> {
    String answer = ctx.chat(ChatRequest.of("gpt-4o", List.of(Message.user(question)))).text();
    return answer + " / " + ctx.callTool(new dev.agenttrace.llm.ToolCall("c1", "lookup", "{}"));
  };

  static void stub(LlmStub llm, ToolStubs tools) {
    llm.whenLastUserMessageContains("q").replyWithText("a");
    tools.stub("lookup").returns("found");
  }

  @AgentTest(crashExploration = true)
  static class ExploresEveryRunOfAPassingTest {
    @Test
    void runs(AgentHarness harness, LlmStub llm, ToolStubs tools) {
      stub(llm, tools);
      assertThat(harness.run(ASKS_AND_LOOKS_UP, "q").output()).isEqualTo("a / found");
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

  @Test
  void aPassingTestIsExploredAtEveryCrashPoint() {
    EngineExecutionResults results = run(ExploresEveryRunOfAPassingTest.class,
        Map.of("agenttrace.report.dir", reports.toString()));
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
  }

  @Test
  void aRunThatDoesNotRecoverExactlyOnceFailsTheTestWithThePointAndBothReports() {
    Throwable failure = onlyFailure(run(NonDeterministic.class, Map.of("agenttrace.report.dir", reports.toString())));

    assertThat(failure).hasMessageContaining("Crash exploration of agent:")
        .hasMessageContaining("✗ crash before chat gpt-4o (operation #0 of agent)")
        .hasMessageContaining("Reports: uncrashed run file:")
        .hasMessageContaining("-uncrashed.html")
        .hasMessageContaining("-crashed.html");
  }
}
