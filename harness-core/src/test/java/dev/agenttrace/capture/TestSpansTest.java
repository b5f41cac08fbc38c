package dev.agenttrace.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import dev.agenttrace.trace.UnfinishedSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The spans of one test: joined from its capture and its shared scope, built into one trace once. */
class TestSpansTest {
  private final TraceCapture capture = TraceCapture.create();
  private final Tracer tracer = capture.tracer("test");
  private final SharedCapture shared = SharedCapture.create();
  private final Tracer sharedTracer = shared.openTelemetry().getTracer("framework");

  @AfterEach
  void close() {
    capture.close();
    shared.close();
  }

  @Test
  void buildsTheTraceOnceAndAgainOnlyWhenASpanStartsOrEnds() {
    TestSpans spans = TestSpans.of(capture);
    tracer.spanBuilder("first").startSpan().end();
    AgentTrace first = spans.trace();

    assertThat(spans.trace()).isSameAs(first);
    assertThat(capture.trace()).as("the capture's own trace is built once too").isSameAs(capture.trace());

    Span second = tracer.spanBuilder("second").startSpan();
    AgentTrace whileOpen = spans.trace();
    assertThat(whileOpen).isNotSameAs(first);
    assertThat(whileOpen.unfinishedSpans()).extracting(UnfinishedSpan::name).containsExactly("second");
    assertThat(spans.trace()).as("open spans may still change: rebuilt").isNotSameAs(whileOpen);

    second.end();
    AgentTrace ended = spans.trace();
    assertThat(ended.spans()).extracting(TraceSpan::name).containsExactly("first", "second");
    assertThat(spans.trace()).isSameAs(ended);

    capture.reset();
    assertThat(spans.trace().spans()).isEmpty();
  }

  @Test
  void joinsTheCaptureAndTheSharedScopeBeforeBuildingOneTree() {
    try (CaptureScope scope = shared.openScope("test")) {
      TestSpans spans = TestSpans.of(capture, scope);
      Span agent = tracer.spanBuilder("invoke_agent planner").startSpan();
      Span framework = sharedTracer.spanBuilder("framework call")
          .setParent(scope.with(Context.root().with(agent))).startSpan();
      Span open = sharedTracer.spanBuilder("framework still open")
          .setParent(scope.with(Context.root().with(agent))).startSpan();
      framework.end();
      agent.end();

      AgentTrace trace = spans.trace();

      assertThat(trace.roots()).extracting(TraceSpan::name).containsExactly("invoke_agent planner");
      assertThat(trace.roots().get(0).children()).extracting(TraceSpan::name).containsExactly("framework call");
      assertThat(trace.roots().get(0).children().get(0).isOrphan()).isFalse();
      assertThat(trace.unfinishedSpans()).extracting(UnfinishedSpan::name).containsExactly("framework still open");
      open.end();
    }
  }

  @Test
  void afterTheCaptureAndScopeCloseTheTraceIsFinalAndBuiltOnce() {
    CaptureScope scope = shared.openScope("test");
    TestSpans spans = TestSpans.of(capture, scope);
    Span open = tracer.spanBuilder("open at close").startSpan();
    scope.close();
    capture.close();
    open.end();

    AgentTrace last = spans.trace();
    assertThat(last.spans()).isEmpty();
    assertThat(last.unfinishedSpans()).extracting(UnfinishedSpan::name).containsExactly("open at close");
    assertThat(spans.trace()).isSameAs(last);
    assertThat(capture.trace().unfinishedSpans()).extracting(UnfinishedSpan::name).containsExactly("open at close");
  }
}
