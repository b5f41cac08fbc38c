package dev.agenttrace.runtime;

import static dev.agenttrace.runtime.RuntimeFixture.ScriptedLlm.text;
import static dev.agenttrace.runtime.RuntimeFixture.ScriptedLlm.toolCall;
import static dev.agenttrace.runtime.RuntimeFixture.attr;
import static dev.agenttrace.runtime.RuntimeFixture.event;
import static dev.agenttrace.trace.SpanConventions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.Role;
import dev.agenttrace.capture.TestSpans;
import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.WaitKind;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentHarnessTest {
  private final RuntimeFixture fixture = new RuntimeFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private void scriptWeather() {
    fixture.llm
        .reply(request -> request.lastMessage().role() == Role.TOOL ? text("18°C and sunny in Paris.") : null)
        .reply(request -> request.lastUserText().contains("Paris")
            ? toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}") : null);
    fixture.tools.on("get_weather", call -> "{\"tempC\":18,\"sky\":\"sunny\"}");
  }

  @Test
  void weatherAgentRunsInTwoSegmentsLinkedInOneTrace() {
    scriptWeather();
    AgentRun<String> run = fixture.harness().run(new WeatherAgent(), "What's the weather in Paris?");

    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.output()).isEqualTo("18°C and sunny in Paris.");
    assertThat(run.segmentCount()).isEqualTo(2);

    List<SpanData> segments = fixture.spansNamed("invoke_agent WeatherAgent");
    assertThat(segments).hasSize(2);
    SpanData first = segments.get(0);
    SpanData second = segments.get(1);
    assertThat(attr(first, SEGMENT_INDEX)).isZero();
    assertThat(attr(first, SEGMENT_OUTCOME)).isEqualTo("waiting");
    assertThat(attr(first, EXECUTION_ID)).isEqualTo(run.executionId()).isEqualTo(attr(second, EXECUTION_ID));
    assertThat(attr(event(first, EVENT_WAIT), WAIT_KIND)).isEqualTo("tool");
    assertThat(attr(event(first, EVENT_WAIT), WAIT_TOOLS)).containsExactly("get_weather");
    assertThat(attr(second, SEGMENT_INDEX)).isEqualTo(1L);
    assertThat(attr(second, SEGMENT_OUTCOME)).isEqualTo("completed");
    assertThat(attr(second, SEGMENT_PREVIOUS_SPAN_ID)).isEqualTo(first.getSpanId());
    assertThat(second.getLinks()).singleElement()
        .satisfies(link -> assertThat(link.getSpanContext()).isEqualTo(first.getSpanContext()));
    assertThat(attr(event(second, EVENT_RESUME), RESUME_CAUSE)).isEqualTo("tools_completed");
    assertThat(attr(second, RESUME_REPLAYED)).isEqualTo(2L);
    event(second, EVENT_COMPLETE);
    assertThat(first.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(attr(first, GEN_AI_OPERATION_NAME)).isEqualTo("invoke_agent");
    assertThat(attr(first, GEN_AI_AGENT_NAME)).isEqualTo("WeatherAgent");

    List<SpanData> chats = fixture.spansNamed("chat gpt-4o");
    assertThat(chats).hasSize(2);
    assertThat(chats.get(0).getParentSpanId()).isEqualTo(first.getSpanId());
    assertThat(chats.get(1).getParentSpanId()).isEqualTo(second.getSpanId());
    assertThat(chats.get(0).getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(attr(chats.get(0), GEN_AI_RESPONSE_FINISH_REASONS)).containsExactly("tool_call");
    assertThat(attr(chats.get(0), GEN_AI_TOOL_DEFINITIONS)).contains("\"name\":\"get_weather\"");
    assertThat(attr(chats.get(1), GEN_AI_INPUT_MESSAGES))
        .contains("\"type\":\"tool_call_response\"", "\"tempC\":18");
    assertThat(attr(chats.get(1), GEN_AI_OUTPUT_MESSAGES)).contains("18°C and sunny in Paris.");

    SpanData tool = fixture.spansNamed("execute_tool get_weather").get(0);
    assertThat(tool.getParentSpanId()).isEqualTo(first.getSpanId());
    assertThat(attr(tool, GEN_AI_TOOL_CALL_ID)).isEqualTo("call_1");
    assertThat(attr(tool, GEN_AI_TOOL_CALL_ARGUMENTS)).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(attr(tool, GEN_AI_TOOL_CALL_RESULT)).isEqualTo("{\"tempC\":18,\"sky\":\"sunny\"}");
    assertThat(tool.getEndEpochNanos()).isGreaterThanOrEqualTo(first.getEndEpochNanos());

    assertThat(attr(first, GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(12L);
    assertThat(attr(second, GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(8L);
  }

  @Test
  void resumeReplaysJournaledCallsWithoutRunningThemAgain() {
    scriptWeather();
    fixture.harness().run(new WeatherAgent(), "What's the weather in Paris?");

    assertThat(fixture.llm.calls).hasValue(2);
    assertThat(fixture.tools.calls).hasValue(1);
    assertThat(fixture.spans()).hasSize(5);
  }

  @Test
  void segmentsShareTheTestsParentSpanAndTraceId() {
    scriptWeather();
    Span testSpan = fixture.openTelemetry.getTracer("test").spanBuilder("test").startSpan();
    try (Scope ignored = testSpan.makeCurrent()) {
      fixture.harness().run(new WeatherAgent(), "What's the weather in Paris?");
    } finally {
      testSpan.end();
    }
    List<SpanData> segments = fixture.spansNamed("invoke_agent WeatherAgent");
    assertThat(segments).allSatisfy(segment -> {
      assertThat(segment.getParentSpanId()).isEqualTo(testSpan.getSpanContext().getSpanId());
      assertThat(segment.getTraceId()).isEqualTo(testSpan.getSpanContext().getTraceId());
    });
  }

  @Test
  void startStopsAtTheToolWaitUntilTheTestResumes() {
    scriptWeather();
    AgentRun<String> run = fixture.harness().start(new WeatherAgent(), "What's the weather in Paris?");

    assertThat(run.status()).isEqualTo(RunStatus.WAITING);
    Wait wait = run.waitingOn().orElseThrow();
    assertThat(wait.kind()).isEqualTo(WaitKind.TOOL);
    assertThat(wait.toolCalls()).extracting("name").containsExactly("get_weather");
    assertThat(wait).hasToString("tool get_weather");
    assertThat(fixture.tools.calls).hasValue(0);
    assertThatThrownBy(run::output).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("waits on tool get_weather").hasMessageContaining("resume()");

    run.resume();
    assertThat(run.output()).isEqualTo("18°C and sunny in Paris.");
    assertThatThrownBy(run::resume).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is COMPLETED, not WAITING");
  }

  @Test
  void aReplayThatDivergesFailsWithBothOperationsNamed() {
    scriptWeather();
    int[] runs = {0};
    Agent<String, String> flaky = (ctx, question) -> {
      runs[0]++;
      String model = runs[0] == 1 ? "gpt-4o" : "gpt-4o-mini";
      var reply = ctx.chat(ChatRequest.of(model, Message.user(question)).withTools(WeatherAgent.GET_WEATHER));
      ctx.callTools(reply.toolCalls());
      return "done";
    };
    AgentRun<String> run = fixture.harness().run(flaky, "Weather in Paris?");

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failure()).get().isInstanceOfSatisfying(NonDeterminismException.class, e -> {
      assertThat(e.position()).isZero();
      assertThat(e.journaledOperation()).contains("chat gpt-4o");
      assertThat(e.requestedOperation()).contains("chat gpt-4o-mini");
      assertThat(e).hasMessageContaining("journal holds chat gpt-4o").hasMessageContaining("ctx.step(");
    });
    SpanData failed = fixture.spansNamed("invoke_agent agent").get(1);
    assertThat(attr(failed, SEGMENT_OUTCOME)).isEqualTo("failed");
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void toolFailureIsRecordedOnTheToolSpanAndThrownIntoTheAgent() {
    fixture.llm.reply(request -> toolCall("call_9", "charge_card", "{\"amount\":5}"));
    fixture.tools.on("charge_card", call -> {
      throw new IOException("card declined");
    });
    Agent<String, String> agent = (ctx, input) -> {
      var reply = ctx.chat(ChatRequest.of("gpt-4o", Message.user(input)));
      try {
        ctx.callTools(reply.toolCalls());
        return "charged";
      } catch (ToolFailedException e) {
        return "failed: " + e.toolName() + " " + e.errorType() + " " + e.getCause().getMessage();
      }
    };
    AgentRun<String> run = fixture.harness().run(agent, "pay");

    assertThat(run.output()).isEqualTo("failed: charge_card java.io.IOException card declined");
    SpanData tool = fixture.spansNamed("execute_tool charge_card").get(0);
    assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attr(tool, ERROR_TYPE)).isEqualTo("java.io.IOException");
    assertThat(attr(event(tool, EVENT_EXCEPTION), EXCEPTION_MESSAGE)).isEqualTo("card declined");
    assertThat(attr(event(tool, EVENT_EXCEPTION), EXCEPTION_STACKTRACE)).contains("AgentHarnessTest");
  }

  @Test
  void anAgentThatThrowsFailsItsSegmentWithTheErrorRecorded() {
    Agent<String, String> agent = (ctx, input) -> {
      throw new IllegalArgumentException("no city given");
    };
    AgentRun<String> run = fixture.harness().run(agent, "");

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThatThrownBy(run::output).hasMessageContaining("failed after 1 segment(s)")
        .hasCauseInstanceOf(IllegalArgumentException.class);
    SpanData segment = fixture.spans().get(0);
    assertThat(attr(segment, SEGMENT_OUTCOME)).isEqualTo("failed");
    assertThat(segment.getStatus().getDescription()).isEqualTo("no city given");
    assertThat(attr(segment, ERROR_TYPE)).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(attr(event(segment, EVENT_EXCEPTION), EXCEPTION_TYPE)).isEqualTo("java.lang.IllegalArgumentException");
  }

  @Test
  void llmErrorsCarryTheProviderErrorType() {
    fixture.llm.reply(request -> {
      throw new LlmException("rate_limit_exceeded", 429, "Rate limit reached");
    });
    AgentRun<String> run = fixture.harness().run(
        (ctx, input) -> ctx.chat(ChatRequest.of("gpt-4o", Message.user(input))).text(), "hi");

    assertThat(run.failure()).get().isInstanceOf(LlmException.class);
    SpanData chat = fixture.spansNamed("chat gpt-4o").get(0);
    assertThat(attr(chat, ERROR_TYPE)).isEqualTo("rate_limit_exceeded");
    assertThat(chat.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void aStubMisconfigurationFailsTheTestInsteadOfHidingInTheTrace() {
    fixture.llm.reply(request -> toolCall("call_1", "unknown_tool", "{}"));
    assertThatThrownBy(() -> fixture.harness().run(new WeatherAgent(), "Weather in Paris?"))
        .isInstanceOf(AssertionError.class).hasMessage("unstubbed tool unknown_tool");
  }

  @Test
  void anAgentThatSwallowsTheWaitSignalIsReported() {
    scriptWeather();
    Agent<String, String> agent = (ctx, input) -> {
      var reply = ctx.chat(ChatRequest.of("gpt-4o", Message.user(input)));
      try {
        ctx.callTools(reply.toolCalls());
      } catch (Throwable swallowed) {
        return "oops";
      }
      return "ok";
    };
    AgentRun<String> run = fixture.harness().start(agent, "Weather in Paris?");
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failure()).get().asString()
        .contains("caught the runtime's wait signal (waiting on tool get_weather)");
  }

  @Test
  void runTraceIsTheTestsOneTraceWhenTheRunIsAllOfItAndOnlyItsOwnOtherwise() {
    scriptWeather();
    try (TraceCapture capture = TraceCapture.builder().clock(fixture.clock).build()) {
      TestSpans spans = TestSpans.of(capture);
      AgentHarness harness = AgentHarness.builder().llm(fixture.llm).tools(fixture.tools).clock(fixture.clock)
          .openTelemetry(capture.openTelemetry()).rootTraceIds(capture::withRootTraceId).traces(spans).build();

      AgentRun<String> first = harness.run(new WeatherAgent(), "What's the weather in Paris?");
      AgentTrace testTrace = spans.trace();
      assertThat(first.trace()).isSameAs(testTrace);
      assertThat(testTrace.segments()).hasSize(2);

      AgentRun<String> second = harness.run(new WeatherAgent(), "And in Paris tomorrow?");
      assertThat(second.trace().segments()).extracting(segment -> segment.executionId().orElseThrow())
          .containsOnly(second.executionId());
      assertThat(first.trace().segments()).extracting(segment -> segment.executionId().orElseThrow())
          .containsOnly(first.executionId());
      assertThat(spans.trace().segments()).hasSize(4);
    }
  }
}
