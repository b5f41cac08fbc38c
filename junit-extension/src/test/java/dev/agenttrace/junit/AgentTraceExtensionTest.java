package dev.agenttrace.junit;

import static dev.agenttrace.junit.TestKit.onlyFailure;
import static dev.agenttrace.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.assertions.TraceAssertionError;
import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.VirtualClock;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import dev.agenttrace.trace.AgentTrace;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

class AgentTraceExtensionTest {

  @AgentTest
  static class InjectsWiredParameters {
    @Test
    void everyParameterBelongsToTheSameTest(AgentHarness harness, LlmStub llm, ToolStubs tools,
        TraceCapture capture, Supplier<AgentTrace> trace, OpenTelemetry openTelemetry, VirtualClock clock) {
      llm.whenLastUserMessageContains("find").replyWithToolCall("lookup", "{\"q\":\"x\"}");
      llm.whenLastMessageIsToolResult("lookup").replyWithText("found it").withLatency(Duration.ofSeconds(30));
      tools.stub("lookup").returns("{\"hit\":true}");

      String output = harness.run(Agents.toolLoop(), "find x").output();

      assertThat(output).isEqualTo("found it");
      assertThat(llm.requestCount()).isEqualTo(2);
      assertThat(tools.callCount("lookup")).isEqualTo(1);
      assertThat(openTelemetry).isSameAs(capture.openTelemetry());
      assertThat(clock).isSameAs(harness.clock());
      assertThat(trace.get().llmCalls()).hasSize(2);
      assertThat(trace.get().segments()).hasSize(2)
          .allSatisfy(segment -> assertThat(segment.span().traceId())
              .isEqualTo(trace.get().segments().get(0).span().traceId()));
      // the stub's latency ran on the virtual clock: the LLM span lasted 30 s, the test did not wait
      assertThat(trace.get().llmCalls().get(1).latency()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
      assertThat(clock.skipped()).isEqualTo(Duration.ofSeconds(30));
    }

    @AfterEach
    void traceSnapshotInAfterEach(AgentTrace trace) {
      assertThat(trace.llmCalls()).hasSize(2);
      assertThat(trace.toolInvocations()).hasSize(1);
    }
  }

  @Test
  void injectsParametersWiredToOneAnother() {
    run(InjectsWiredParameters.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @AgentTest
  static class AsksForASupplierOfSomethingElse {
    @Test
    void wantsStrings(Supplier<String> strings) {
      assertThat(strings).isNotNull();
    }
  }

  @Test
  void resolvesOnlyTheParametersItsTableLists() {
    Throwable failure = onlyFailure(run(AsksForASupplierOfSomethingElse.class));

    assertThat(failure).isInstanceOf(org.junit.jupiter.api.extension.ParameterResolutionException.class)
        .hasMessageContaining("No ParameterResolver registered")
        .hasMessageContaining("java.util.function.Supplier<java.lang.String>");
  }

  @AgentTest
  static class FailsAfterARun {
    @Test
    void fails(AgentHarness harness, LlmStub llm) {
      llm.whenAnyRequest().replyWithText("42% of the time");
      String answer = harness.run(Agents.oneShot(), "how often?").output();
      org.junit.jupiter.api.Assertions.assertEquals("always", answer);
    }
  }

  @Test
  void aFailingAssertionShowsTheTraceAndKeepsExpectedAndActual() {
    Throwable failure = onlyFailure(run(FailsAfterARun.class));

    assertThat(failure).isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("expected: <always> but was: <42% of the time>")
        .hasMessageContaining("Trace of fails(AgentHarness, LlmStub) (also written to ")
        .hasMessageContaining("FailsAfterARun" + java.io.File.separator + "fails.trace.txt")
        .hasMessageContaining("invoke_agent agent")
        .hasMessageContaining("chat gpt-4o");
    AssertionFailedError assertionFailed = (AssertionFailedError) failure;
    assertThat(assertionFailed.getExpected().getValue()).isEqualTo("always");
    assertThat(assertionFailed.getActual().getValue()).isEqualTo("42% of the time");
    assertThat(failure.getStackTrace()[0].getClassName()).startsWith("org.junit.jupiter.api.Assert");
  }

  @AgentTest
  static class FailsATraceAssertion {
    @Test
    void neverCallsTheTool(AgentHarness harness, LlmStub llm, ToolStubs tools) {
      llm.whenLastUserMessageContains("find").replyWithToolCall("lookup", "{\"q\":\"x\"}");
      llm.whenLastMessageIsToolResult("lookup").replyWithText("found it");
      tools.stub("lookup").returns("{\"hit\":true}");
      dev.agenttrace.assertions.AgentTraceAssertions.assertThat(harness.run(Agents.toolLoop(), "find x").trace())
          .neverCalledTool("lookup");
    }
  }

  @Test
  void aTraceAssertionFailureShowsItsMarkedTreeOnceAndWhereTheTraceAndReportAre() {
    Throwable failure = onlyFailure(run(FailsATraceAssertion.class));

    assertThat(failure).isInstanceOf(TraceAssertionError.class);
    TraceAssertionError typed = (TraceAssertionError) failure;
    assertThat(typed.traceFile()).get().asString().endsWith("neverCallsTheTool.trace.txt");
    assertThat(typed.reportFile()).get().asString().endsWith("neverCallsTheTool.html");
    assertThat(typed.markedSpanId()).isPresent();
    assertThat(failure.getMessage())
        .contains("Expecting tool 'lookup' never to be called")
        .contains("▶ execute_tool lookup")
        .contains("Trace file: " + typed.traceFile().get())
        .contains("HTML report: " + typed.reportFile().get());
    assertThat(failure.getMessage().split("\nAgentTrace: ", -1)).as("the tree is printed once").hasSize(2);
  }

  @AgentTest
  static class ThrowsAfterARun {
    @Test
    void throwsIllegalState(AgentHarness harness, LlmStub llm) {
      llm.whenAnyRequest().replyWithText("ok");
      harness.run(Agents.oneShot(), "hi");
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void anyOtherExceptionKeepsItsTypeAndCarriesTheTraceAsSuppressed() {
    Throwable failure = onlyFailure(run(ThrowsAfterARun.class));

    assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(failure.getSuppressed()).singleElement().satisfies(suppressed ->
        assertThat(suppressed.getMessage()).contains("Trace of throwsIllegalState").contains("chat gpt-4o"));
  }

  @AgentTest
  static class LeavesASpanOpen {
    @Test
    void forgetsToEndASpan(OpenTelemetry openTelemetry) {
      openTelemetry.getTracer("app").spanBuilder("forgotten-span").startSpan();
    }
  }

  @Test
  void aSpanLeftOpenFailsTheTestWithItsNameAndHowToFindWhereItStarted() {
    Throwable failure = onlyFailure(run(LeavesASpanOpen.class));

    assertThat(failure).isInstanceOf(AssertionError.class)
        .hasMessageContaining("left 1 span open")
        .hasMessageContaining("'forgotten-span' started on thread")
        .hasMessageContaining("-Dagenttrace.capture.start-sites=true");
  }

  @Test
  void withStartSitesOnTheOpenSpanIsReportedWithItsCallSite() {
    Throwable failure = onlyFailure(run(LeavesASpanOpen.class, Map.of("agenttrace.capture.start-sites", "true")));

    assertThat(failure).hasMessageContaining("'forgotten-span' started on thread")
        .hasMessageContaining("LeavesASpanOpen.forgetsToEndASpan")
        .hasMessageNotContaining("-Dagenttrace.capture.start-sites=true");
  }

  @AgentTest(failOnUnfinishedSpans = false)
  static class ToleratesOpenSpans {
    @Test
    void forgetsToEndASpan(OpenTelemetry openTelemetry) {
      openTelemetry.getTracer("app").spanBuilder("forgotten-span").startSpan();
    }
  }

  static class RegisteredWithBuilder {
    @RegisterExtension
    static AgentTraceExtension agentTrace = AgentTraceExtension.builder().failOnUnfinishedSpans(false).build();

    @Test
    void forgetsToEndASpan(OpenTelemetry openTelemetry, LlmStub llm) {
      openTelemetry.getTracer("app").spanBuilder("forgotten-span").startSpan();
      assertThat(llm).isNotNull();
    }
  }

  @Test
  void openSpansCanBeTolerated() {
    run(ToleratesOpenSpans.class).testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    run(RegisteredWithBuilder.class).testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
  }

  @AgentTest
  static class WithNestedTests {
    @Test
    void outer(LlmStub llm, AgentHarness harness) {
      llm.whenAnyRequest().replyWithText("outer");
      assertThat(harness.run(Agents.oneShot(), "q").output()).isEqualTo("outer");
    }

    @Nested
    class Inner {
      @Test
      void startsFresh(LlmStub llm, Supplier<AgentTrace> trace) {
        assertThat(llm.requestCount()).isZero();
        assertThat(trace.get().isEmpty()).isTrue();
      }
    }
  }

  @Test
  void nestedTestsGetTheirOwnScope() {
    run(WithNestedTests.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
  }
}
