package dev.agenttrace.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.trace.TraceSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spans finished elsewhere (received over OTLP, loaded from a file) join a capture's trace unchanged. */
class AddFinishedSpansTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Test
  void addedSpansJoinTheTraceWithTheirOwnIdsBesideCapturedOnes() {
    try (TraceCapture capture = TraceCapture.create()) {
      Span own = capture.withRootTraceId(TRACE_ID, () -> capture.tracer("test").spanBuilder("own").startSpan());
      SpanData remote = span("00f067aa0ba902b7", own.getSpanContext().getSpanId(), "from another process");
      own.end();

      capture.addFinishedSpans(List.of(remote));

      assertThat(capture.trace().spans()).extracting(TraceSpan::name).containsExactly("own", "from another process");
      assertThat(capture.trace().span("00f067aa0ba902b7").orElseThrow().data()).isSameAs(remote);
      assertThat(capture.trace().span("00f067aa0ba902b7").orElseThrow().isOrphan()).isFalse();
    }
  }

  @Test
  void addingAfterCloseFailsInsteadOfLosingSpans() {
    TraceCapture capture = TraceCapture.create();
    capture.close();

    assertThatThrownBy(() -> capture.addFinishedSpans(List.of(span("00f067aa0ba902b7", null, "late"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The capture is closed: 1 span(s) arrived after its test ended and cannot be added");
    assertThat(capture.trace().isEmpty()).isTrue();
  }

  private static SpanData span(String spanId, String parentId, String name) {
    return TestSpanData.builder()
        .setSpanContext(SpanContext.create(TRACE_ID, spanId, TraceFlags.getSampled(), TraceState.getDefault()))
        .setParentSpanContext(parentId == null ? SpanContext.getInvalid()
            : SpanContext.create(TRACE_ID, parentId, TraceFlags.getSampled(), TraceState.getDefault()))
        .setName(name).setKind(SpanKind.INTERNAL).setStartEpochNanos(Long.MAX_VALUE - 10)
        .setEndEpochNanos(Long.MAX_VALUE).setHasEnded(true).setStatus(StatusData.unset())
        .build();
  }
}
