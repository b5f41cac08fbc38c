package dev.agenttrace.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import dev.agenttrace.trace.UnfinishedSpan;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.time.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TraceCaptureTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Test
  void capturesConcurrentlyUsedCapturesInIsolation() throws Exception {
    int threadsPerCapture = 4;
    int spansPerThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerCapture);
    try (TraceCapture first = TraceCapture.create(); TraceCapture second = TraceCapture.create()) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> work = new ArrayList<>();
      for (int thread = 0; thread < threadsPerCapture; thread++) {
        work.add(pool.submit(() -> emit(start, first.tracer("first"), "first", spansPerThread)));
        work.add(pool.submit(() -> emit(start, second.tracer("second"), "second", spansPerThread)));
      }
      start.countDown();
      for (Future<?> future : work) {
        future.get(30, TimeUnit.SECONDS);
      }

      assertOnly(first.trace(), "first", threadsPerCapture * spansPerThread * 2);
      assertOnly(second.trace(), "second", threadsPerCapture * spansPerThread * 2);
    } finally {
      pool.shutdownNow();
    }
  }

  @SuppressWarnings("try") // the Scope only marks where the parent span is current
  private static Void emit(CountDownLatch start, Tracer tracer, String prefix, int count) throws InterruptedException {
    start.await();
    for (int i = 0; i < count; i++) {
      Span parent = tracer.spanBuilder(prefix + " parent").startSpan();
      try (Scope ignored = parent.makeCurrent()) {
        tracer.spanBuilder(prefix + " child").startSpan().end();
      } finally {
        parent.end();
      }
    }
    return null;
  }

  private static void assertOnly(AgentTrace trace, String prefix, int expectedSpans) {
    assertThat(trace.size()).isEqualTo(expectedSpans);
    assertThat(trace.spans()).allSatisfy(span -> assertThat(span.name()).startsWith(prefix));
    assertThat(trace.roots()).allSatisfy(root -> assertThat(root.children()).hasSize(1));
    assertThat(trace.unfinishedSpans()).isEmpty();
  }

  @Test
  void withRootTraceIdGivesRootSpansTheSameTraceId() {
    try (TraceCapture capture = TraceCapture.create()) {
      Tracer tracer = capture.tracer("test");
      String[] inside = capture.withRootTraceId(TRACE_ID, () -> {
        Span first = tracer.spanBuilder("segment 0").startSpan();
        first.end();
        Span second = tracer.spanBuilder("segment 1").setNoParent().startSpan();
        second.end();
        return new String[] {first.getSpanContext().getTraceId(), second.getSpanContext().getTraceId(),
            first.getSpanContext().getSpanId(), second.getSpanContext().getSpanId()};
      });
      Span outside = tracer.spanBuilder("outside").startSpan();
      outside.end();

      assertThat(inside[0]).isEqualTo(TRACE_ID);
      assertThat(inside[1]).isEqualTo(TRACE_ID);
      assertThat(inside[2]).isNotEqualTo(inside[3]);
      assertThat(outside.getSpanContext().getTraceId()).isNotEqualTo(TRACE_ID);
      assertThat(capture.trace().roots()).extracting(TraceSpan::name)
          .containsExactlyInAnyOrder("segment 0", "segment 1", "outside");
    }
  }

  @Test
  void withRootTraceIdRejectsInvalidIdsAndRestoresNestedOverrides() {
    try (TraceCapture capture = TraceCapture.create()) {
      Tracer tracer = capture.tracer("test");
      assertThatThrownBy(() -> capture.withRootTraceId("nope", () -> null))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
      String other = "00000000000000000000000000000abc";
      String afterNested = capture.withRootTraceId(TRACE_ID, () -> {
        capture.withRootTraceId(other, () -> null);
        Span span = tracer.spanBuilder("after").startSpan();
        span.end();
        return span.getSpanContext().getTraceId();
      });
      assertThat(afterNested).isEqualTo(TRACE_ID);
    }
  }

  @Test
  void overridesOfOneCaptureDoNotLeakIntoAnother() {
    try (TraceCapture first = TraceCapture.create(); TraceCapture second = TraceCapture.create()) {
      String secondTraceId = first.withRootTraceId(TRACE_ID, () -> {
        Span span = second.tracer("test").spanBuilder("other capture").startSpan();
        span.end();
        return span.getSpanContext().getTraceId();
      });
      assertThat(secondTraceId).isNotEqualTo(TRACE_ID);
    }
  }

  @Test
  void spanTimestampsFollowTheGivenClock() {
    Instant virtualNow = Instant.parse("2030-05-01T12:00:00Z");
    TestClock clock = TestClock.create(virtualNow);
    try (TraceCapture capture = TraceCapture.builder().clock(clock).build()) {
      Span span = capture.tracer("test").spanBuilder("timed").startSpan();
      clock.advance(java.time.Duration.ofMinutes(5));
      span.end();

      TraceSpan captured = capture.trace().spans().get(0);
      assertThat(captured.startTime()).isEqualTo(virtualNow);
      assertThat(captured.duration()).hasMinutes(5);
    }
  }

  @Test
  void reportsUnfinishedSpansWithThreadAndStartSiteWhenRecorded() throws Exception {
    try (TraceCapture capture = TraceCapture.builder().recordStartSites(true).build()) {
      Thread worker = new Thread(() -> capture.tracer("test").spanBuilder("leaked").startSpan(), "leaky-worker");
      worker.start();
      worker.join();

      List<UnfinishedSpan> unfinished = capture.unfinishedSpans();
      assertThat(unfinished).hasSize(1);
      UnfinishedSpan leaked = unfinished.get(0);
      assertThat(leaked.name()).isEqualTo("leaked");
      assertThat(leaked.threadName()).isEqualTo("leaky-worker");
      assertThat(leaked.parent()).isEmpty();
      assertThat(leaked.recordedStartSite()).hasValueSatisfying(site -> assertThat(site)
          .startsWith("at dev.agenttrace.capture.TraceCaptureTest.lambda$")
          .doesNotContain("io.opentelemetry.sdk"));
      assertThat(capture.trace().toTreeString()).contains("⧗ leaked").contains("thread \"leaky-worker\"")
          .contains("started at:\n        at dev.agenttrace.capture.TraceCaptureTest");
    }
  }

  @Test
  void saysHowToRecordStartSitesWhenTheyAreOff() {
    try (TraceCapture capture = TraceCapture.builder().recordStartSites(false).build()) {
      capture.tracer("test").spanBuilder("leaked").startSpan();

      assertThat(capture.unfinishedSpans().get(0).startSite()).isNull();
      assertThat(capture.trace().toTreeString()).contains(
          "start site not recorded; run with -D" + UnfinishedSpan.START_SITES_PROPERTY + "=true");
    }
  }

  @Test
  void spanEndedAfterBeingReportedOpenIsFinishedInTheNextSnapshot() {
    try (TraceCapture capture = TraceCapture.create()) {
      Span span = capture.tracer("test").spanBuilder("slow").startSpan();
      assertThat(capture.trace().unfinishedSpans()).hasSize(1);
      span.end();
      AgentTrace trace = capture.trace();
      assertThat(trace.unfinishedSpans()).isEmpty();
      assertThat(trace.size()).isEqualTo(1);
    }
  }

  @Test
  void resetForgetsFinishedSpansAndCloseKeepsAFinalSnapshot() {
    TraceCapture capture = TraceCapture.create();
    capture.tracer("test").spanBuilder("before reset").startSpan().end();
    capture.reset();
    capture.tracer("test").spanBuilder("after reset").startSpan().end();
    capture.close();
    capture.close();

    assertThat(capture.trace().spans()).extracting(TraceSpan::name).containsExactly("after reset");
    capture.tracer("test").spanBuilder("after close").startSpan().end();
    assertThat(capture.trace().size()).isEqualTo(1);
  }

  @Test
  void propagatesW3cTraceContext() {
    try (TraceCapture capture = TraceCapture.create()) {
      assertThat(capture.openTelemetry().getPropagators().getTextMapPropagator().fields()).contains("traceparent");
    }
  }

  @Test
  void recordsSpansOnlyMetricsAndLogsAreNoOps() {
    try (TraceCapture capture = TraceCapture.create()) {
      OpenTelemetry otel = capture.openTelemetry();
      otel.getMeter("test").counterBuilder("calls").build().add(1);
      otel.getLogsBridge().get("test").logRecordBuilder().setBody("hello").emit();
      otel.getTracer("test").spanBuilder("the span").startSpan().end();

      assertThat(otel.getMeterProvider()).isSameAs(MeterProvider.noop());
      assertThat(otel.getLogsBridge()).isSameAs(LoggerProvider.noop());
      assertThat(capture.trace().spans()).extracting(TraceSpan::name).containsExactly("the span");
    }
  }
}
