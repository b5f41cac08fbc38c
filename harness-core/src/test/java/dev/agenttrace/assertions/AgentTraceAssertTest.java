package dev.agenttrace.assertions;

import static dev.agenttrace.assertions.AgentTraceAssertions.AGENT_TRACE;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;
import static dev.agenttrace.trace.SegmentOutcome.COMPLETED;
import static dev.agenttrace.trace.SegmentOutcome.WAITING;

import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.WaitKind;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class AgentTraceAssertTest {
  private final AgentTrace weather = Traces.weather();

  @Test
  void passesOnAMatchingTrace() {
    assertThat(weather)
        .hasSegmentCount(2)
        .hasSegmentOutcomes(WAITING, COMPLETED)
        .hasLlmCallCount(2)
        .hasToolCallCount(1)
        .calledTool("get_weather", 1)
        .neverCalledTool("charge_card")
        .calledToolsInOrder("get_weather")
        .hasNoErrors()
        .hasNoUnfinishedSpans();
    assertThat(weather).segment(0).isWaitingOn(WaitKind.TOOL).isWaitingOnTools("get_weather").hasLlmCallCount(1);
    assertThat(weather).segment(1).isResumed().hasOutcome(COMPLETED);
    assertThat(weather).llmCall(0).hasModel("gpt-4o").hasFinishReason(FinishReason.TOOL_CALL)
        .requestedTool("get_weather");
    assertThat(weather).llmCall(1).hasOutputText("18°C, 40% humidity");
    assertThat(weather).calledTool("get_weather")
        .hasArguments("{ \"city\" : \"Paris\" }")
        .hasArgumentsContaining("Paris")
        .hasResult("{\"humidity\":\"40%\",\"tempC\":18}")
        .succeeded();
    assertThat((Object) weather).asInstanceOf(AGENT_TRACE).hasSegmentCount(2);
  }

  @Test
  void aWrongCountFailsWithExpectedActualAndTheTree() {
    assertThatThrownBy(() -> assertThat(weather).hasSegmentCount(3))
        .isInstanceOfSatisfying(AssertionFailedError.class, error -> {
          assertThat(error.getExpected().getValue()).isEqualTo(3);
          assertThat(error.getActual().getValue()).isEqualTo(2);
        })
        .hasMessageContaining("Expecting the trace to have 3 execution segment(s)")
        .hasMessageContaining("but it has 2")
        .hasMessageContaining("invoke_agent agent [segment 0")
        .hasMessageContaining("execute_tool get_weather");
  }

  @Test
  void outcomesFailListingBoth() {
    assertThatThrownBy(() -> assertThat(weather).hasSegmentOutcomes(COMPLETED))
        .hasMessageContaining("Expecting segment outcomes [completed]")
        .hasMessageContaining("but they were [waiting, completed]");
  }

  @Test
  void aSegmentAssertionMarksTheSegmentInTheTree() {
    assertThatThrownBy(() -> assertThat(weather).segment(1).isWaitingOn(WaitKind.TOOL))
        .hasMessageContaining("Expecting segment #1 of agent to end waiting")
        .hasMessageContaining("but it ended completed")
        .hasMessageContaining("▶ invoke_agent agent [segment 1");
    assertThatThrownBy(() -> assertThat(weather).segment(0).isWaitingOnTools("get_weather", "get_time"))
        .hasMessageContaining("to wait on tools [get_weather, get_time]")
        .hasMessageContaining("but it waited on tools [get_weather]");
    assertThatThrownBy(() -> assertThat(weather).segment(0).isResumed())
        .hasMessageContaining("it has no link to a previous segment");
    assertThatThrownBy(() -> assertThat(weather).segment(5))
        .hasMessageContaining("Expecting segment #5").hasMessageContaining("but the trace has 2 segment(s)");
  }

  @Test
  void toolAssertionsShowWhatWasCalled() {
    assertThatThrownBy(() -> assertThat(weather).calledTool("get_time"))
        .hasMessageContaining("Expecting tool 'get_time' to be called")
        .hasMessageContaining("but only these were called: [get_weather]");
    assertThatThrownBy(() -> assertThat(weather).neverCalledTool("get_weather"))
        .hasMessageContaining("but it was called 1 time(s), first with {\"city\":\"Paris\"}")
        .hasMessageContaining("▶ execute_tool get_weather");
    assertThatThrownBy(() -> assertThat(weather).calledTool("get_weather").hasArguments("{\"city\":\"Rome\"}"))
        .isInstanceOfSatisfying(AssertionFailedError.class,
            error -> assertThat(error.getActual().getValue()).isEqualTo("{\"city\":\"Paris\"}"))
        .hasMessageContaining("Expecting tool 'get_weather' to be called with {\"city\":\"Rome\"}")
        .hasMessageContaining("but it was called with {\"city\":\"Paris\"}");
    assertThatThrownBy(() -> assertThat(weather).calledToolsInOrder("get_weather", "get_weather"))
        .hasMessageContaining("but they were [get_weather]");
    assertThatThrownBy(() -> assertThat(weather).calledTool("get_weather", 2))
        .hasMessageContaining("but it was called 1 time(s)");
  }

  @Test
  void valuesWithPercentSignsPrintAsTheyAre() {
    assertThatThrownBy(() -> assertThat(weather).calledTool("get_weather").hasResult("{\"humidity\":\"41%\"}"))
        .hasMessageContaining("to return {\"humidity\":\"41%\"}")
        .hasMessageContaining("but it returned {\"tempC\":18,\"humidity\":\"40%\"}");
    assertThatThrownBy(() -> assertThat(weather).llmCall(1).hasOutputText("100% sure"))
        .hasMessageContaining("reply \"100% sure\"").hasMessageContaining("it replied \"18°C, 40% humidity\"");
  }

  @Test
  void errorsAreListedWithTheFailingSpanMarked() {
    AgentTrace failing = Traces.failingTool();
    assertThat(failing).calledTool("charge_card").failedWith("java.lang.IllegalStateException");
    assertThatThrownBy(() -> assertThat(failing).hasNoErrors())
        .hasMessageContaining("Expecting no errors")
        .hasMessageContaining("but found 1: execute_tool charge_card: java.lang.IllegalStateException: card declined")
        .hasMessageContaining("▶ execute_tool charge_card");
    assertThatThrownBy(() -> assertThat(failing).calledTool("charge_card").succeeded())
        .hasMessageContaining("Expecting tool 'charge_card' to succeed");
    assertThatThrownBy(() -> assertThat(weather).calledTool("get_weather").failedWith("java.io.IOException"))
        .hasMessageContaining("but it succeeded");
  }

  @Test
  void llmCallAssertionsName() {
    assertThatThrownBy(() -> assertThat(weather).llmCall(0).hasModel("claude"))
        .hasMessageContaining("Expecting the LLM call to use model claude").hasMessageContaining("but it used gpt-4o");
    assertThatThrownBy(() -> assertThat(weather).llmCall(1).requestedTool("get_weather"))
        .hasMessageContaining("but it requested no tools");
    assertThatThrownBy(() -> assertThat(weather).llmCall(1).hasFinishReason(FinishReason.LENGTH))
        .hasMessageContaining("to finish with length").hasMessageContaining("it finished with stop");
    assertThatThrownBy(() -> assertThat(weather).hasLlmCallCount(5))
        .hasMessageContaining("Expecting 5 LLM call(s)").hasMessageContaining("but the trace has 2");
  }

  @Test
  void anElementAssertedOnItsOwnFailsWithoutATree() {
    assertThatThrownBy(() -> assertThat(weather.segments().get(0)).hasOutcome(COMPLETED))
        .hasMessageContaining("but it ended waiting")
        .hasMessageNotContaining("Trace");
  }
}
