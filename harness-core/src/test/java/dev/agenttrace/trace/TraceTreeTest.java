package dev.agenttrace.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTreeTest {
  private static final String TRACE = "11111111111111111111111111111111";

  @Test
  void spansAreListedDepthFirstWithSiblingsByStartTimeThenSpanId() {
    AgentTrace trace = AgentTrace.of(List.of(
        span("00000000000000c2", "0000000000000001", "late child", 30),
        span("00000000000000b2", "0000000000000001", "tie b", 20),
        span("00000000000000d1", "00000000000000b2", "grandchild", 25),
        span("0000000000000001", null, "root", 10),
        span("00000000000000a2", "0000000000000001", "tie a", 20),
        span("0000000000000002", null, "second root", 5)));

    assertThat(trace.spans()).extracting(TraceSpan::name)
        .containsExactly("second root", "root", "tie a", "tie b", "grandchild", "late child");
    assertThat(trace.spans()).extracting(TraceSpan::depth).containsExactly(0, 0, 1, 1, 2, 1);
    assertThat(trace.roots()).extracting(TraceSpan::name).containsExactly("second root", "root");
    TraceSpan root = trace.span("0000000000000001").orElseThrow();
    assertThat(root.children()).extracting(TraceSpan::name).containsExactly("tie a", "tie b", "late child");
    TraceSpan grandchild = trace.span("00000000000000d1").orElseThrow();
    assertThat(trace.parentOf(grandchild)).hasValueSatisfying(parent -> assertThat(parent.name()).isEqualTo("tie b"));
    assertThat(trace.parentOf(root)).isEmpty();
    assertThat(trace.span("ffffffffffffffff")).isEmpty();
    assertThat(trace.size()).isEqualTo(6);
    assertThat(root.isOrphan()).isFalse();
  }

  @Test
  void spansWhoseParentIsMissingAreOrphanRoots() {
    AgentTrace trace = AgentTrace.of(List.of(
        span("0000000000000001", null, "root", 10),
        span("0000000000000003", "00000000000000ff", "orphan", 5)));

    TraceSpan orphan = trace.span("0000000000000003").orElseThrow();
    assertThat(trace.roots()).containsExactly(orphan, trace.span("0000000000000001").orElseThrow());
    assertThat(orphan.isOrphan()).isTrue();
    assertThat(orphan.parentSpanId()).contains("00000000000000ff");
    assertThat(trace.parentOf(orphan)).isEmpty();
    assertThat(trace.toTreeString()).contains("orphan 0µs  ⚠ orphan: parent 00000000000000ff is not in the trace");
  }

  @Test
  void duplicateSpanIdsKeepTheFirstAndCyclesBecomeRoots() {
    AgentTrace trace = AgentTrace.of(List.of(
        span("0000000000000001", null, "first", 10),
        span("0000000000000001", null, "duplicate", 11),
        span("00000000000000a1", "00000000000000a2", "cycle a", 20),
        span("00000000000000a2", "00000000000000a1", "cycle b", 21)));

    assertThat(trace.spans()).extracting(TraceSpan::name).containsExactly("first", "cycle a", "cycle b");
    assertThat(trace.notes()).anySatisfy(note -> assertThat(note).contains("duplicate span id 0000000000000001")
        .contains("kept 'first'").contains("ignored 'duplicate'"));
    assertThat(trace.notes()).anySatisfy(note -> assertThat(note).contains("parent cycle"));
    assertThat(trace.toTreeString()).contains("note: duplicate span id");
  }

  @Test
  void emptyTraceHasNothing() {
    AgentTrace empty = AgentTrace.empty();
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.size()).isZero();
    assertThat(empty.executions()).isEmpty();
    assertThat(empty.totalUsage().totalTokens()).isZero();
    assertThat(empty.toTreeString()).startsWith("AgentTrace: 0 executions · 0 segments · 0 LLM calls");
    assertThat(empty).hasToString("AgentTrace[0 spans, 0 executions, 0 segments, 0 LLM calls, 0 tool calls, "
        + "0 errors, 0 unfinished]");
  }

  static SpanData span(String spanId, String parentId, String name, long startNanos) {
    return TestSpanData.builder()
        .setSpanContext(SpanContext.create(TRACE, spanId, TraceFlags.getSampled(), TraceState.getDefault()))
        .setParentSpanContext(parentId == null ? SpanContext.getInvalid()
            : SpanContext.create(TRACE, parentId, TraceFlags.getSampled(), TraceState.getDefault()))
        .setName(name)
        .setKind(SpanKind.INTERNAL)
        .setStartEpochNanos(startNanos)
        .setEndEpochNanos(startNanos)
        .setAttributes(Attributes.empty())
        .setStatus(StatusData.unset())
        .setHasEnded(true)
        .setTotalRecordedEvents(0)
        .setTotalRecordedLinks(0)
        .setTotalAttributeCount(0)
        .build();
  }
}
