package dev.agenttrace.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.capture.TraceCapture;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code restrictedToTraces}: the part of a test's trace that belongs to one run's OpenTelemetry traces. */
class RestrictedTraceTest {

  @Test
  void keepsOnlyTheWantedTracesAndReusesTheTraceWhenNothingIsLeftOut() {
    try (TraceCapture capture = TraceCapture.create()) {
      Tracer tracer = capture.tracer("test");
      Span first = tracer.spanBuilder("first run").startSpan();
      first.end();
      Span second = tracer.spanBuilder("second run").startSpan();
      tracer.spanBuilder("still open").setParent(io.opentelemetry.context.Context.root().with(second)).startSpan();
      second.end();
      AgentTrace all = capture.trace();
      String firstTrace = first.getSpanContext().getTraceId();
      String secondTrace = second.getSpanContext().getTraceId();

      AgentTrace onlyFirst = all.restrictedToTraces(List.of(firstTrace));
      assertThat(onlyFirst.spans()).extracting(TraceSpan::name).containsExactly("first run");
      assertThat(onlyFirst.unfinishedSpans()).isEmpty();

      AgentTrace onlySecond = all.restrictedToTraces(List.of(secondTrace));
      assertThat(onlySecond.spans()).extracting(TraceSpan::name).containsExactly("second run");
      assertThat(onlySecond.unfinishedSpans()).extracting(UnfinishedSpan::name).containsExactly("still open");

      assertThat(all.restrictedToTraces(List.of(firstTrace, secondTrace))).isSameAs(all);
      assertThat(all.restrictedToTraces(List.of())).isSameAs(AgentTrace.empty());
    }
  }
}
