package dev.agenttrace.junit;

import static dev.agenttrace.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.ToolInvocation;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests running concurrently never see each other's spans. */
class ParallelIsolationTest {
  private static final Map<String, String> PARALLEL = Map.of(
      "junit.jupiter.execution.parallel.enabled", "true",
      "junit.jupiter.execution.parallel.mode.default", "concurrent",
      "junit.jupiter.execution.parallel.config.strategy", "fixed",
      "junit.jupiter.execution.parallel.config.fixed.parallelism", "8");

  @AgentTest
  static class ManyConcurrentAgentTests {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
    void eachTestSeesOnlyItsOwnSpans(int n, AgentHarness harness, LlmStub llm, ToolStubs tools,
        Supplier<AgentTrace> trace) {
      llm.whenLastUserMessageContains("question " + n).replyWithToolCall("lookup", "{\"n\":" + n + "}");
      llm.whenLastMessageIsToolResult("lookup").replyWithText("answer " + n);
      tools.stub("lookup").answers(call -> "{\"thread\":\"" + Thread.currentThread().getName() + "\"}");

      String output = harness.run(Agents.toolLoop(), "question " + n).output();

      assertThat(output).isEqualTo("answer " + n);
      AgentTrace captured = trace.get();
      assertThat(captured.segments()).hasSize(2);
      assertThat(captured.llmCalls()).hasSize(2);
      assertThat(captured.toolInvocations()).singleElement()
          .extracting(ToolInvocation::arguments).asString().contains("\"n\":" + n);
      assertThat(captured.executions()).hasSize(1);
    }
  }

  @Test
  void parallelParameterizedTestsAreIsolated() {
    run(ManyConcurrentAgentTests.class, PARALLEL).testEvents()
        .assertStatistics(stats -> stats.started(16).succeeded(16).failed(0));
  }

  @AgentTest(globalOpenTelemetry = true)
  static class FrameworksOnGlobalOpenTelemetry {
    @ParameterizedTest
    @ValueSource(strings = {"alpha", "beta", "gamma", "delta"})
    void globalSpansAreAttributedToTheirTest(String name, Supplier<AgentTrace> trace) throws Exception {
      Span onTestThread = GlobalOpenTelemetry.getTracer("framework").spanBuilder("framework " + name).startSpan();
      onTestThread.end();
      ExecutorService executor = Executors.newSingleThreadExecutor();
      try {
        executor.submit(Context.current().wrap(() -> GlobalOpenTelemetry.getTracer("framework")
            .spanBuilder("worker " + name).startSpan().end())).get();
      } finally {
        executor.shutdown();
      }
      assertThat(trace.get().spans()).extracting(span -> span.name())
          .containsExactlyInAnyOrder("framework " + name, "worker " + name);
    }
  }

  @Test
  void spansFromGlobalOpenTelemetryAreAttributedByContextEvenAcrossThreads() {
    run(FrameworksOnGlobalOpenTelemetry.class, PARALLEL).testEvents()
        .assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
    // a second launcher run in the same JVM reuses the global install instead of failing
    run(FrameworksOnGlobalOpenTelemetry.class).testEvents()
        .assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
  }
}
