package dev.agenttrace.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionStitchingTest {

  @Test
  void segmentsWithTheSameExecutionIdFormOneExecutionOrderedByIndex() {
    TraceFixtures fixtures = new TraceFixtures();
    // started out of index order and interleaved with another execution
    Span second = fixtures.segment("planner", 1, "exec-a", null, false).startSpan();
    end(fixtures, second, "waiting");
    Span other = fixtures.segment("critic", 0, "exec-b", null, false).startSpan();
    end(fixtures, other, "completed");
    Span first = fixtures.segment("planner", 0, "exec-a", null, false).startSpan();
    end(fixtures, first, "waiting");
    Span third = fixtures.segment("planner", 2, "exec-a", null, false).startSpan();
    end(fixtures, third, "completed");

    List<Execution> executions = fixtures.capture.trace().executions();

    assertThat(executions).extracting(Execution::executionId).containsExactly("exec-a", "exec-b");
    assertThat(executions.get(0).segments()).extracting(segment -> segment.span().spanId()).containsExactly(
        first.getSpanContext().getSpanId(), second.getSpanContext().getSpanId(), third.getSpanContext().getSpanId());
    assertThat(executions.get(0).outcome()).isEqualTo(SegmentOutcome.COMPLETED);
    fixtures.capture.close();
  }

  @Test
  void segmentsWithoutExecutionIdAreStitchedThroughLinks() {
    TraceFixtures fixtures = new TraceFixtures();
    AgentTrace trace = fixtures.weatherTrace(false, false);

    assertThat(trace.executions()).hasSize(1);
    Execution execution = trace.executions().get(0);
    assertThat(execution.segments()).hasSize(2);
    assertThat(execution.executionId()).isEqualTo("span:" + execution.segments().get(0).span().spanId());
    assertThat(execution.segments().get(1).previousSpanId()).contains(execution.segments().get(0).span().spanId());
    fixtures.capture.close();
  }

  @Test
  void threeSegmentsChainedByPreviousSpanIdAttribute() {
    TraceFixtures fixtures = new TraceFixtures();
    Span first = fixtures.segment("chain", 0, null, null, true).startSpan();
    end(fixtures, first, "waiting");
    Span second = fixtures.segment("chain", 1, null, first, true).startSpan();
    end(fixtures, second, "crashed");
    Span third = fixtures.segment("chain", 2, null, second, true).startSpan();
    end(fixtures, third, "completed");
    Span unrelated = fixtures.segment("chain", 0, null, null, true).startSpan();
    end(fixtures, unrelated, "completed");

    List<Execution> executions = fixtures.capture.trace().executions();

    assertThat(executions).hasSize(2);
    assertThat(executions.get(0).segments()).extracting(Segment::outcome)
        .containsExactly(SegmentOutcome.WAITING, SegmentOutcome.CRASHED, SegmentOutcome.COMPLETED);
    assertThat(executions.get(1).segments()).hasSize(1);
    fixtures.capture.close();
  }

  private static void end(TraceFixtures fixtures, Span segment, String outcome) {
    segment.setAttribute(SpanConventions.SEGMENT_OUTCOME, outcome);
    fixtures.advance(1);
    segment.end();
    fixtures.advance(1);
  }
}
