package dev.agenttrace.assertions;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;
import static dev.agenttrace.trace.SegmentOutcome.COMPLETED;
import static dev.agenttrace.trace.SegmentOutcome.WAITING;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.WaitKind;
import org.junit.jupiter.api.Test;

/** Segment count, outcomes, waits, links to predecessors, replay counts, nothing executed twice. */
class DurableAssertTest {
  private final AgentTrace workflow = Traces.workflow();

  @Test
  void threeSegmentsEachResumingItsPredecessorAndNothingTwice() {
    assertThat(workflow).hasSegmentOutcomes(WAITING, WAITING, COMPLETED).hasEachSegmentResumingItsPredecessor()
        .executedNothingTwice();
    assertThat(workflow).segment(0).isWaitingOnTools("get_weather").hasStepCount(1).hasReplayed(0);
    assertThat(workflow).segment(1).isWaitingOn(WaitKind.TIMER).isResumedFrom(0);
    assertThat(workflow).segment(2).isResumedFrom(1).hasOutcome(COMPLETED).hasStepCount(1).hasLlmCallCount(1);
    assertThat(workflow).execution().hasSegmentCount(3).hasOutcome(COMPLETED).hasReplayCounts(0, 3, 4)
        .executedNothingTwice().segment(2).hasToolCallCount(0);
  }

  @Test
  void aRepeatedToolCallIdIsWorkDoneTwice() {
    AgentTrace repeated = Traces.repeatedToolCall();
    assertThatThrownBy(() -> assertThat(repeated).executedNothingTwice())
        .hasMessageContaining("Expecting nothing to be executed twice")
        .hasMessageContaining("but 1 thing(s) were: tool call id call_1 (get_weather) ran twice (spans ")
        .hasMessageContaining("▶ execute_tool get_weather");
    assertThatThrownBy(() -> assertThat(repeated).execution().executedNothingTwice())
        .hasMessageContaining("to execute nothing twice");
  }

  @Test
  void structureFailuresSayWhatTheSegmentDid() {
    assertThatThrownBy(() -> assertThat(workflow).segment(2).isResumedFrom(0))
        .hasMessageContaining("Expecting segment #2 of agent to resume segment #0")
        .hasMessageContaining("▶ invoke_agent agent [segment 2");
    assertThatThrownBy(() -> assertThat(workflow).execution().hasReplayCounts(0, 0, 0))
        .hasMessageContaining("to replay [0, 0, 0]").hasMessageContaining("but they replayed [0, 3, 4]");
    assertThatThrownBy(() -> assertThat(workflow).segment(1).isWaitingFor("payment"))
        .hasMessageContaining("but it waited on timer until");
    assertThatThrownBy(() -> assertThat(workflow).segment(0).hasReplayed(2))
        .hasMessageContaining("Expecting segment #0 of agent to replay 2 operation(s)");
  }
}
