package dev.agenttrace.runtime;

import static dev.agenttrace.runtime.RuntimeFixture.ScriptedLlm.text;
import static dev.agenttrace.runtime.RuntimeFixture.ScriptedLlm.toolCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.llm.Role;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Execution;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.WaitKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChildAgentsAndWaitsTest {
  private final TraceCapture capture = TraceCapture.create();
  private final RuntimeFixture.ScriptedLlm llm = new RuntimeFixture.ScriptedLlm();
  private final RuntimeFixture.ScriptedTools tools = new RuntimeFixture.ScriptedTools();
  private final AgentHarness harness =
      RuntimeFixture.capturedHarness(capture, new InMemoryJournal(), llm, tools);

  /** Plans a trip: a step, then the weather agent as a child, then a step with its answer. */
  static final class TripAgent implements Agent<String, String> {
    @Override
    public String run(AgentContext ctx, String city) {
      String plan = ctx.step("plan", () -> "trip to " + city);
      String weather = ctx.callAgent(new WeatherAgent(), "Weather in " + city + "?");
      return ctx.step("summary", () -> plan + ": " + weather);
    }
  }

  @AfterEach
  void close() {
    capture.close();
  }

  @Test
  void aChildAgentRunsInTheSameTraceUnderTheSegmentThatCalledIt() {
    RuntimeFixture.scriptWeather(llm, tools);
    AgentRun<String> run = harness.start(new TripAgent(), "Paris");

    assertThat(run.pendingWaits()).extracting(Wait::toString)
        .containsExactly("child 'WeatherAgent'", "tool get_weather");
    run.resume();   // the child's tool runs, the child completes, the parent continues

    assertThat(run.output()).isEqualTo("trip to Paris: 18°C and sunny in Paris.");
    assertThat(run.children()).singleElement().satisfies(child -> {
      assertThat(child.executionId()).isEqualTo(run.executionId() + "/1:child:WeatherAgent");
      assertThat(child.status()).isEqualTo(RunStatus.COMPLETED);
    });
    AgentTrace trace = run.trace();
    assertThat(trace.executions()).extracting(Execution::name).containsExactly("TripAgent", "WeatherAgent");
    Execution parent = trace.executions().get(0);
    Execution child = trace.executions().get(1);
    assertThat(parent.segments()).extracting(Segment::outcome)
        .containsExactly(SegmentOutcome.WAITING, SegmentOutcome.COMPLETED);
    assertThat(parent.segments().get(0).waitKind()).contains(WaitKind.CHILD);
    assertThat(parent.segments().get(1).resumeInfo()).get()
        .satisfies(resume -> assertThat(resume.cause()).isEqualTo(SpanConventions.CAUSE_CHILD_COMPLETED));
    assertThat(child.segments()).allSatisfy(segment -> {
      assertThat(segment.span().traceId()).isEqualTo(parent.span().traceId());
      assertThat(segment.span().parentSpanId()).contains(parent.segments().get(0).span().spanId());
    });
    assertThat(run.executions()).extracting(ExecutedOperation::kind).containsExactly(OperationKind.STEP,
        OperationKind.CHILD, OperationKind.CHAT, OperationKind.TOOLS, OperationKind.CHAT, OperationKind.STEP);
  }

  @Test
  void crashExplorationCoversTheParentAndTheChild() {
    RuntimeFixture.scriptWeather(llm, tools);
    CrashExplorationResult result = CrashExploration.of(harness, new TripAgent(), "Paris").run();

    assertThat(result.crashPoints()).extracting(CrashPoint::description)
        .contains("before child WeatherAgent (operation #1 of TripAgent)",
            "after child WeatherAgent (operation #1 of TripAgent)",
            "in the middle of tool get_weather (call #0) (operation #1 of WeatherAgent, child 1:child:WeatherAgent)",
            "before completion of WeatherAgent (child 1:child:WeatherAgent)")
        .hasSize(7 + 8);
  }

  @Test
  void severalToolsAndAnApprovalAreAwaitedAtOnceThroughAChild() {
    Agent<String, String> reviewer = (ctx, in) -> ctx.awaitApproval("publish").approved() ? "published" : "held";
    Agent<String, String> editor = (ctx, in) -> {
      List<String> facts = ctx.callTools(List.of(new ToolCall("a", "fact", "{}"), new ToolCall("b", "fact", "{}")))
          .stream().map(message -> message.toolResults().get(0).content()).toList();
      return facts + " " + ctx.callAgent(reviewer, in);
    };
    tools.on("fact", call -> call.id());
    AgentRun<String> run = harness.start(editor, "draft");
    assertThat(run.waitingOn()).get().hasToString("tools fact, fact");
    run.resume();
    assertThat(run.pendingWaits()).extracting(Wait::toString).containsExactly("child 'agent'", "approval 'publish'");
    run.approve("publish", "ada", "facts check out");

    assertThat(run.output()).isEqualTo("[a, b] published");
    assertThat(run.trace().segments()).anySatisfy(segment -> assertThat(
        segment.span().event(SpanConventions.EVENT_APPROVAL)).get()
        .satisfies(event -> assertThat(event.getAttributes().get(SpanConventions.APPROVAL_APPROVER)).isEqualTo("ada")));
  }

  @Test
  void anApprovalWithADeadlineExpiresOnTheVirtualClockAndTheExpiryIsTraced() {
    Agent<String, String> agent = (ctx, in) -> {
      Approval decision = ctx.awaitApproval("refund", Duration.ofHours(24));
      return decision.isExpired() ? "expired: " + decision.comment() : "decided";
    };
    AgentRun<String> run = harness.start(agent, "x");
    assertThat(run.waitingOn()).get().asString().startsWith("approval 'refund' (expires ");

    run.advanceTime(Duration.ofHours(23));
    assertThat(run.status()).isEqualTo(RunStatus.WAITING);
    run.advanceTime(Duration.ofHours(1));

    assertThat(run.output()).startsWith("expired: no decision before ");
    Segment resumed = run.trace().segments().get(1);
    assertThat(resumed.resumeInfo()).get().satisfies(resume -> {
      assertThat(resume.cause()).isEqualTo(SpanConventions.CAUSE_APPROVAL_EXPIRED);
      assertThat(resume.waited()).isBetween(Duration.ofHours(24), Duration.ofHours(25));
    });
    assertThat(resumed.span().event(SpanConventions.EVENT_APPROVAL)).get().satisfies(event ->
        assertThat(event.getAttributes().get(SpanConventions.APPROVAL_APPROVED)).isFalse());
    assertThatThrownBy(() -> harness.start((ctx, in) -> ctx.awaitApproval("x", Duration.ZERO), "x").output())
        .hasMessageContaining("the timeout must be positive");
  }

  @Test
  void aReplayThatAsksForTheSameToolWithOtherArgumentsIsNonDeterministic() {
    String[] city = {"Paris"};
    Agent<String, String> agent = (ctx, in) -> ctx.callTool(new ToolCall("c1", "get_weather",
        "{\"city\":\"" + city[0] + "\"}"));
    tools.on("get_weather", call -> "{}");
    AgentRun<String> run = harness.start(agent, "x", Crash.beforeCompletion());
    run.resume();
    assertThat(run.status()).isEqualTo(RunStatus.CRASHED);

    city[0] = "Oslo";
    run.recover();

    assertThat(run.failure()).get().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
        .isInstanceOf(NonDeterminismException.class)
        .hasMessageContaining("the journal holds tool get_weather {\"city\":\"Paris\"} but the agent now asks for "
            + "tool get_weather {\"city\":\"Oslo\"}");
    assertThat(tools.calls).hasValue(1);
  }
}
