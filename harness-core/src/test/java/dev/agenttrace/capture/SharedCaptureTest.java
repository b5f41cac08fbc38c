package dev.agenttrace.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedCaptureTest {
  private final SharedCapture shared = SharedCapture.create();
  private final Tracer tracer = shared.openTelemetry().getTracer("test");

  @AfterEach
  void close() {
    shared.close();
  }

  @Test
  @SuppressWarnings("try") // the Scope only marks where the context is current
  void attributesSpansOnExecutorThreadsThroughTheScopeContext() throws Exception {
    ExecutorService pool = Context.taskWrapping(Executors.newFixedThreadPool(4));
    try (CaptureScope first = shared.openScope("first"); CaptureScope second = shared.openScope("second")) {
      for (int i = 0; i < 20; i++) {
        try (Scope ignored = first.makeCurrent()) {
          pool.submit(() -> tracer.spanBuilder("first task").startSpan().end());
        }
        pool.submit(second.wrap(() -> tracer.spanBuilder("second task").startSpan().end()));
        pool.submit(second.wrap(() -> {
          tracer.spanBuilder("second callable").startSpan().end();
          return null;
        }));
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

      assertThat(first.trace().spans()).hasSize(20).allSatisfy(span -> assertThat(span.name()).isEqualTo("first task"));
      assertThat(second.trace().spans()).hasSize(40).allSatisfy(span -> assertThat(span.name()).startsWith("second"));
      assertThat(shared.unattributedSpans().isEmpty()).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void attributesChildrenThroughTheirParentSpanEvenWithoutTheScopeInContext() {
    try (CaptureScope scope = shared.openScope("test")) {
      Span segment = tracer.spanBuilder("segment").setParent(scope.context()).startSpan();
      segment.end();
      // a tool span started later, from a context that carries only the parent span (no scope key)
      Context parentOnly = Context.root().with(Span.wrap(segment.getSpanContext()));
      Span tool = tracer.spanBuilder("tool").setParent(parentOnly).startSpan();
      Span nested = tracer.spanBuilder("nested").setParent(Context.root().with(tool)).startSpan();
      nested.end();
      tool.end();

      AgentTrace trace = scope.trace();
      assertThat(trace.spans()).extracting(TraceSpan::name).containsExactly("segment", "tool", "nested");
      assertThat(trace.spans()).extracting(TraceSpan::depth).containsExactly(0, 1, 2);
    }
  }

  @Test
  void attributesSpansOfARegisteredTraceId() {
    try (CaptureScope scope = shared.openScope("test")) {
      String traceId = "5b8efff798038103d269b633813fc60c";
      scope.registerTraceId(traceId);
      Context remoteParent = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(
          traceId, "eee19b7ec3c1b174", TraceFlags.getSampled(),
          TraceState.getDefault())));
      tracer.spanBuilder("server").setParent(remoteParent).startSpan().end();

      assertThat(scope.trace().spans()).extracting(TraceSpan::name).containsExactly("server");
      assertThat(scope.trace().roots().get(0).isOrphan()).isTrue();
      assertThatThrownBy(() -> scope.registerTraceId("xyz")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void keepsSpansNoScopeClaimsApartAndReportsThem() {
    try (CaptureScope scope = shared.openScope("test")) {
      tracer.spanBuilder("stray").startSpan().end();
      Span open = tracer.spanBuilder("stray open").startSpan();

      assertThat(scope.trace().isEmpty()).isTrue();
      AgentTrace unattributed = shared.unattributedSpans();
      assertThat(unattributed.spans()).extracting(TraceSpan::name).containsExactly("stray");
      assertThat(unattributed.unfinishedSpans()).extracting(u -> u.name()).containsExactly("stray open");
      open.end();
    }
  }

  @Test
  void closedScopesStopAttributingButKeepWhatTheyCaptured() {
    CaptureScope scope = shared.openScope("test");
    Span parent = tracer.spanBuilder("before close").setParent(scope.context()).startSpan();
    Span stillOpen = tracer.spanBuilder("open at close").setParent(scope.context()).startSpan();
    parent.end();
    assertThat(scope.unfinishedSpans()).hasSize(1);
    scope.close();
    tracer.spanBuilder("after close").setParent(scope.context()).startSpan().end();
    tracer.spanBuilder("child after close").setParent(Context.root().with(parent)).startSpan().end();
    stillOpen.end();

    assertThat(scope.isClosed()).isTrue();
    assertThat(scope.trace().spans()).extracting(TraceSpan::name).containsExactly("before close");
    assertThat(shared.unattributedSpans().spans()).extracting(TraceSpan::name)
        .containsExactlyInAnyOrder("after close", "child after close", "open at close");
  }

  @Test
  @SuppressWarnings("try") // the Scope only marks where the context is current
  void installsGlobalOnceAndRefusesToReplaceAnotherGlobal() {
    try {
      assertThat(shared.installGlobal()).isSameAs(shared.openTelemetry());
      assertThat(shared.installGlobal()).as("idempotent").isSameAs(shared.openTelemetry());
      try (CaptureScope scope = shared.openScope("global");
          SharedCapture other = SharedCapture.create()) {
        try (Scope ignored = scope.makeCurrent()) {
          GlobalOpenTelemetry.getTracer("framework").spanBuilder("via global").startSpan().end();
        }
        assertThat(scope.trace().spans()).extracting(TraceSpan::name).containsExactly("via global");
        assertThatThrownBy(other::installGlobal).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("another OpenTelemetry instance is already global");
      }
    } finally {
      // test hygiene only: main code never resets the global instance
      GlobalOpenTelemetry.resetForTest();
    }
  }
}
