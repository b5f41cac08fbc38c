package dev.agenttrace.benchmarks;

import dev.agenttrace.capture.TraceCapture;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost per span of capturing: start a chat span, set six attributes, end it. Each invocation emits a batch of
 * {@value #SPANS} spans and then forgets them ({@code reset()}), identically for every variant, so memory stays
 * bounded. Scores are nanoseconds per span.
 *
 * <p>Baseline {@link #bareSdk}: what a hand-written OpenTelemetry test uses — {@code SdkTracerProvider} with a
 * {@code SimpleSpanProcessor} over an {@code InMemorySpanExporter}. Compared: {@link #traceCapture} (AgentTrace's
 * {@link TraceCapture}, default settings: start sites off) and {@link #traceCaptureWithStartSites}. Budget
 * (DESIGN §10): capture ≤ 1.25× the baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CaptureOverheadBenchmark {
  static final int SPANS = 100;
  private static final String SCOPE = "dev.agenttrace.benchmarks";

  private InMemorySpanExporter bareExporter;
  private SdkTracerProvider bareProvider;
  private Tracer bareTracer;
  private TraceCapture capture;
  private Tracer captureTracer;
  private TraceCapture captureWithStartSites;
  private Tracer startSitesTracer;

  /** Builds the three pipelines once per trial. */
  @Setup
  public void setUp() {
    bareExporter = InMemorySpanExporter.create();
    bareProvider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(bareExporter)).build();
    bareTracer = bareProvider.get(SCOPE);
    capture = TraceCapture.builder().recordStartSites(false).build();
    captureTracer = capture.tracer(SCOPE);
    captureWithStartSites = TraceCapture.builder().recordStartSites(true).build();
    startSitesTracer = captureWithStartSites.tracer(SCOPE);
  }

  /** Shuts the pipelines down. */
  @TearDown
  public void tearDown() {
    bareProvider.close();
    capture.close();
    captureWithStartSites.close();
  }

  /** Baseline: bare OpenTelemetry SDK with the in-memory exporter. */
  @Benchmark
  @OperationsPerInvocation(SPANS)
  public void bareSdk(Blackhole sink) {
    ChatSpans.emit(bareTracer, SPANS, sink);
    bareExporter.reset();
  }

  /** {@link TraceCapture} as {@code @AgentTest} builds it by default. */
  @Benchmark
  @OperationsPerInvocation(SPANS)
  public void traceCapture(Blackhole sink) {
    ChatSpans.emit(captureTracer, SPANS, sink);
    capture.reset();
  }

  /** {@link TraceCapture} recording the start site (a stack walk) of every span. */
  @Benchmark
  @OperationsPerInvocation(SPANS)
  public void traceCaptureWithStartSites(Blackhole sink) {
    ChatSpans.emit(startSitesTracer, SPANS, sink);
    captureWithStartSites.reset();
  }
}
