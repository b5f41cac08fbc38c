package dev.agenttrace.runtime;

import static dev.agenttrace.runtime.RuntimeFixture.ScriptedLlm.text;
import static dev.agenttrace.runtime.RuntimeFixture.ScriptedLlm.toolCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.Role;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SegmentOutcome;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CrashExplorationTest {
  private final TraceCapture capture = TraceCapture.create();
  private final RuntimeFixture.ScriptedLlm llm = new RuntimeFixture.ScriptedLlm();
  private final RuntimeFixture.ScriptedTools tools = new RuntimeFixture.ScriptedTools();
  private final AgentHarness harness =
      RuntimeFixture.capturedHarness(capture, new InMemoryJournal(), llm, tools);

  @AfterEach
  void close() {
    capture.close();
  }

  @Test
  void theWeatherAgentRecoversExactlyOnceFromEveryCrashPoint() {
    RuntimeFixture.scriptWeather(llm, tools);
    CrashExplorationResult result = CrashExploration.of(harness, new WeatherAgent(), "Weather in Paris?").run();

    // chat, tools, chat: before + after each, and the middle of the one tool call
    assertThat(result.crashPoints()).extracting(CrashPoint::description).containsExactly(
        "before chat gpt-4o (operation #0 of WeatherAgent)",
        "after chat gpt-4o (operation #0 of WeatherAgent)",
        "before tools get_weather (operation #1 of WeatherAgent)",
        "after tools get_weather (operation #1 of WeatherAgent)",
        "in the middle of tool get_weather (call #0) (operation #1 of WeatherAgent)",
        "before chat gpt-4o (operation #2 of WeatherAgent)",
        "after chat gpt-4o (operation #2 of WeatherAgent)",
        "before completion of WeatherAgent");
    assertThat(result.allRecovered()).isTrue();
    assertThat(result.describe()).isEqualTo("Crash exploration of WeatherAgent: all 8 crash points recovered exactly once.");
    // one uncrashed run plus eight crashed ones, each with two LLM calls and one tool call; one more at mid-call
    assertThat(llm.calls).hasValue(18);
    assertThat(tools.calls).hasValue(10);
  }

  @Test
  void aSideEffectOutsideTheJournalIsCaughtWithTheCrashPointAndTheDuplicatedEffect() {
    RuntimeFixture.scriptWeather(llm, tools);
    AtomicInteger emails = new AtomicInteger();
    Agent<String, String> leaky = new Agent<>() {
      @Override
      public String run(AgentContext ctx, String question) {
        ChatResponse reply = ctx.chat(ChatRequest.of("gpt-4o", List.of(Message.user(question))));
        emails.incrementAndGet();   // the bug: "looking it up for you" e-mailed outside ctx.step(...)
        return ctx.callTool(reply.toolCalls().get(0));
      }

      @Override
      public String name() {
        return "LeakyAgent";
      }
    };

    assertThatThrownBy(() -> CrashExploration.of(harness, leaky, "Weather in Paris?")
        .countingEffect("emails sent", emails::get).run())
        .isInstanceOf(CrashExplorationFailure.class)
        .hasMessageContaining("4 of 6 crash points did not recover exactly once")
        .hasMessageContaining("✗ crash before tools get_weather (operation #1 of LeakyAgent)\n"
            + "    - side effect 'emails sent' happened 3 times; the uncrashed run: 2 times (work outside the journal "
            + "happens again on every replay")
        .hasMessageContaining("✗ crash before completion of LeakyAgent")
        .hasMessageContaining("Uncrashed run:\nAgentTrace: 1 execution · 2 segments")
        .hasMessageContaining("Run crashed before tools get_weather (operation #1 of LeakyAgent):\n"
            + "AgentTrace: 1 execution · 3 segments");
  }

  @Test
  void aSideEffectAfterTheLastOperationIsCaughtByTheCrashBeforeCompletion() {
    RuntimeFixture.scriptWeather(llm, tools);
    AtomicInteger audits = new AtomicInteger();
    Agent<String, String> auditing = (ctx, question) -> {
      String answer = new WeatherAgent().run(ctx, question);
      audits.incrementAndGet();
      return answer;
    };
    CrashExplorationResult result = CrashExploration.of(harness, auditing, "q")
        .countingEffect("audit rows", audits::get).explore();

    assertThat(result.failures()).extracting(failure -> failure.point().description())
        .containsExactly("before completion of agent");
    assertThat(result.failures().get(0).trace().executions()).singleElement()
        .satisfies(execution -> assertThat(execution.segments()).extracting(Segment::outcome)
            .containsExactly(SegmentOutcome.WAITING, SegmentOutcome.CRASHED, SegmentOutcome.COMPLETED));
  }

  @Test
  void aNonIdempotentToolNeverRunsTwiceEvenWhenTheProcessDiesMidCall() {
    RuntimeFixture.scriptWeather(llm, tools);
    tools.nonIdempotent.add("get_weather");
    CrashExplorationResult result = CrashExploration.of(harness, new WeatherAgent(), "Weather in Paris?").run();

    assertThat(result.crashPoints()).filteredOn(CrashPoint::isMidToolCall).singleElement()
        .satisfies(point -> assertThat(point.idempotentTool()).isFalse());
    // 9 runs, each calls the tool exactly once: the mid-call crash is not followed by a second call
    assertThat(tools.calls).hasValue(9);
  }

  @Test
  void theAgentLearnsThatANonIdempotentToolsOutcomeIsUnknown() {
    RuntimeFixture.scriptWeather(llm, tools);
    tools.nonIdempotent.add("get_weather");
    AgentRun<String> run = harness.start(new WeatherAgent(), "q", Crash.duringTool(1, 0));
    run.resume();
    assertThat(run.status()).isEqualTo(RunStatus.CRASHED);
    run.recover().resume();

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failure()).get().isInstanceOf(ToolFailedException.class)
        .satisfies(error -> assertThat(((ToolFailedException) error).errorType())
            .isEqualTo(ToolOutcomeUnknownException.class.getName()));
    assertThat(tools.calls).hasValue(1);
  }

  @Test
  void anApprovalNobodyAnswersIsExplained() {
    Agent<String, String> approver = (ctx, in) -> ctx.awaitApproval("refund").approved() ? "yes" : "no";
    assertThatThrownBy(() -> CrashExploration.of(harness, approver, "x").run())
        .hasMessageContaining("waits on approval 'refund'")
        .hasMessageContaining(".approving(\"refund\")");
    CrashExplorationResult result = CrashExploration.of(harness, approver, "x").approving("refund").run();
    assertThat(result.crashPoints()).hasSize(3);
  }
}
