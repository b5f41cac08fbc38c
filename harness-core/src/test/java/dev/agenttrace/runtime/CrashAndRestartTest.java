package dev.agenttrace.runtime;

import static dev.agenttrace.runtime.RuntimeFixture.ScriptedLlm.text;
import static dev.agenttrace.runtime.RuntimeFixture.ScriptedLlm.toolCall;
import static dev.agenttrace.runtime.RuntimeFixture.attr;
import static dev.agenttrace.runtime.RuntimeFixture.event;
import static dev.agenttrace.trace.SpanConventions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.llm.Role;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.WaitKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CrashAndRestartTest {
  private final RuntimeFixture fixture = new RuntimeFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private void scriptWeather(RuntimeFixture.ScriptedLlm llm, RuntimeFixture.ScriptedTools tools) {
    llm.reply(request -> request.lastMessage().role() == Role.TOOL ? text("18°C and sunny in Paris.") : null)
        .reply(request -> toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
    tools.on("get_weather", call -> "{\"tempC\":18}");
  }

  @Test
  void aCrashEndsTheSegmentAsCrashedAndRecoveryRunsNothingTwice() {
    scriptWeather(fixture.llm, fixture.tools);
    AgentRun<String> run = fixture.harness().start(new WeatherAgent(), "Weather in Paris?",
        Crash.before(OperationKind.TOOLS));

    assertThat(run.status()).isEqualTo(RunStatus.CRASHED);
    assertThat(fixture.llm.calls).hasValue(1);
    assertThatThrownBy(run::output).hasMessageContaining("crashed").hasMessageContaining("recover()");
    assertThatThrownBy(run::resume).hasMessageContaining("is CRASHED, not WAITING");

    run.recover();
    assertThat(run.status()).isEqualTo(RunStatus.WAITING);
    run.resume();

    assertThat(run.output()).isEqualTo("18°C and sunny in Paris.");
    assertThat(fixture.llm.calls).hasValue(2);
    assertThat(fixture.tools.calls).hasValue(1);
    List<SpanData> segments = fixture.spansNamed("invoke_agent WeatherAgent");
    assertThat(segments).extracting(segment -> attr(segment, SEGMENT_OUTCOME))
        .containsExactly("crashed", "waiting", "completed");
    SpanData crashed = segments.get(0);
    assertThat(crashed.getStatus().getStatusCode()).as("a crash is not an error").isEqualTo(StatusCode.UNSET);
    assertThat(attr(event(crashed, EVENT_CRASH), CRASH_BEFORE)).isEqualTo("tools get_weather");
    assertThat(attr(event(segments.get(1), EVENT_RESUME), RESUME_CAUSE)).isEqualTo("crash_recovered");
    assertThat(attr(segments.get(1), SEGMENT_PREVIOUS_SPAN_ID)).isEqualTo(crashed.getSpanId());
    assertThat(attr(segments.get(1), RESUME_REPLAYED)).isEqualTo(1L);
    // the chat span that finished before the crash keeps its parent: nothing is orphaned
    assertThat(fixture.spansNamed("chat gpt-4o").get(0).getParentSpanId()).isEqualTo(crashed.getSpanId());
  }

  @Test
  void aStepThatTheCrashPreventedRunsExactlyOnceAfterRecovery() {
    AtomicInteger charges = new AtomicInteger();
    Agent<String, String> workflow = (ctx, order) -> {
      String reserved = ctx.step("reserve", () -> "reserved " + order);
      String charged = ctx.step("charge", () -> "charge-" + charges.incrementAndGet());
      return reserved + ", " + charged;
    };
    AgentRun<String> run = fixture.harness().run(workflow, "o-1", Crash.before(OperationKind.STEP, 2));

    assertThat(run.output()).isEqualTo("reserved o-1, charge-1");
    assertThat(charges).hasValue(1);
    assertThat(fixture.spansNamed("step reserve")).hasSize(1);
    assertThat(fixture.spansNamed("step charge")).hasSize(1);
  }

  @Test
  void crashPlansAreDescribedAndValidated() {
    assertThat(Crash.before(OperationKind.CHAT, 2)).hasToString("crash before chat #2");
    assertThat(Crash.beforeOperation(3)).hasToString("crash before operation #3");
    assertThatThrownBy(() -> Crash.before(OperationKind.CHAT, 0)).hasMessageContaining("1-based");
    assertThatThrownBy(() -> Crash.beforeOperation(-1)).hasMessageContaining("0-based");
  }

  @Test
  void aNewHarnessOverTheSameJournalContinuesTheExecutionInTheSameTrace() {
    try (TraceCapture capture = TraceCapture.create()) {
      Journal journal = new InMemoryJournal();
      RuntimeFixture.ScriptedLlm llm = new RuntimeFixture.ScriptedLlm();
      RuntimeFixture.ScriptedTools tools = new RuntimeFixture.ScriptedTools();
      scriptWeather(llm, tools);
      AgentHarness firstProcess = harness(capture, journal, llm, tools);
      AgentRun<String> before = firstProcess.start(new WeatherAgent(), "Weather in Paris?");
      assertThat(before.status()).isEqualTo(RunStatus.WAITING);

      AgentHarness secondProcess = harness(capture, journal, llm, tools);
      AgentRun<String> after = secondProcess.recover(before.executionId(), new WeatherAgent(), "Weather in Paris?");
      assertThat(after.waitingOn()).get().extracting(Wait::kind).isEqualTo(WaitKind.TOOL);
      after.resume();

      assertThat(after.output()).isEqualTo("18°C and sunny in Paris.");
      assertThat(llm.calls).hasValue(2);
      AgentTrace trace = capture.trace();
      assertThat(trace.executions()).singleElement().satisfies(execution -> {
        assertThat(execution.segments()).extracting(Segment::outcome)
            .containsExactly(SegmentOutcome.WAITING, SegmentOutcome.COMPLETED);
        assertThat(execution.segments().get(1).span().traceId())
            .isEqualTo(execution.segments().get(0).span().traceId());
        assertThat(execution.segments().get(1).previousSpanId())
            .contains(execution.segments().get(0).span().spanId());
      });
      AgentRun<String> fresh = secondProcess.start(new WeatherAgent(), "Weather in Paris?");
      assertThat(fresh.executionId()).isNotEqualTo(before.executionId());
    }
  }

  @Test
  void aProcessThatDiedMidSegmentIsContinuedAtOnceByTheNextOne() {
    try (TraceCapture capture = TraceCapture.create()) {
      Journal journal = new InMemoryJournal();
      RuntimeFixture.ScriptedLlm llm = new RuntimeFixture.ScriptedLlm();
      RuntimeFixture.ScriptedTools tools = new RuntimeFixture.ScriptedTools();
      scriptWeather(llm, tools);
      AgentRun<String> died = harness(capture, journal, llm, tools)
          .start(new WeatherAgent(), "Weather in Paris?", Crash.before(OperationKind.TOOLS));
      assertThat(died.status()).isEqualTo(RunStatus.CRASHED);

      AgentRun<String> continued = harness(capture, journal, llm, tools)
          .recover(died.executionId(), new WeatherAgent(), "Weather in Paris?");
      assertThat(continued.status()).isEqualTo(RunStatus.WAITING);
      continued.resume();
      assertThat(continued.output()).isEqualTo("18°C and sunny in Paris.");
      assertThat(capture.trace().segments().get(1).resumeInfo()).get()
          .satisfies(resume -> assertThat(resume.cause()).isEqualTo("process_restart"));

      assertThatThrownBy(() -> harness(capture, journal, llm, tools)
          .recover(died.executionId(), new WeatherAgent(), "x"))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("already ended (completed)");
      assertThatThrownBy(() -> harness(capture, journal, llm, tools).recover("nope", new WeatherAgent(), "x"))
          .hasMessageContaining("no execution 'nope'");
      assertThatThrownBy(() -> harness(capture, journal, llm, tools)
          .recover(died.executionId(), (ctx, in) -> "other", "x"))
          .hasMessageContaining("belongs to agent 'WeatherAgent', not 'agent'");
    }
  }

  @Test
  void timersSurviveARestartToo() {
    try (TraceCapture capture = TraceCapture.create()) {
      Journal journal = new InMemoryJournal();
      Agent<String, String> reminder = (ctx, who) -> {
        ctx.sleep(Duration.ofHours(2));
        return "remind " + who;
      };
      AgentRun<String> first = harness(capture, journal, null, null).start(reminder, "Ada");
      AgentRun<String> second = harness(capture, journal, null, null).recover(first.executionId(), reminder, "Ada");
      second.resume();
      assertThat(second.output()).isEqualTo("remind Ada");
    }
  }

  private static AgentHarness harness(TraceCapture capture, Journal journal, RuntimeFixture.ScriptedLlm llm,
      RuntimeFixture.ScriptedTools tools) {
    AgentHarness.Builder builder = AgentHarness.builder().journal(journal)
        .openTelemetry(capture.openTelemetry()).rootTraceIds(capture::withRootTraceId).traces(capture::trace);
    if (llm != null) {
      builder.llm(llm).tools(tools);
    }
    return builder.build();
  }
}
