package dev.agenttrace.capture;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSource;
import dev.agenttrace.trace.UnfinishedSpan;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The spans of one test, finished and still open, as one {@link TraceSource}: its {@link TraceCapture}'s and, in
 * global mode, what the shared SDK attributed to its {@link CaptureScope}, joined before a single
 * {@link AgentTrace} is built. The trace is built once and handed out again until a span starts or ends (or the
 * capture is reset), so the harness's {@code run.trace()}, the golden check and the report of a test share one
 * build. Thread-safe.
 *
 * <pre>{@code
 * TestSpans spans = TestSpans.of(capture, sharedScope);
 * AgentHarness harness = AgentHarness.builder().openTelemetry(capture.openTelemetry()).traces(spans).build();
 * }</pre>
 */
public final class TestSpans implements TraceSource {
  private final List<SpanSink> sinks;
  private volatile Built built;

  private TestSpans(List<SpanSink> sinks) {
    this.sinks = sinks;
  }

  /** The trace last built and the sink versions it was built from. */
  private record Built(long[] versions, boolean reusable, AgentTrace trace) {}

  /** The spans of {@code capture}. */
  public static TestSpans of(TraceCapture capture) {
    return new TestSpans(List.of(Objects.requireNonNull(capture, "capture").sink()));
  }

  /** The spans of {@code capture} joined with those the shared SDK attributed to {@code scope}. */
  public static TestSpans of(TraceCapture capture, CaptureScope scope) {
    return new TestSpans(List.of(Objects.requireNonNull(capture, "capture").sink(),
        Objects.requireNonNull(scope, "scope").sink()));
  }

  static TestSpans of(SpanSink sink) {
    return new TestSpans(List.of(sink));
  }

  /**
   * The test's spans so far as one trace. The same instance is returned while nothing changed; a trace with spans
   * still open is rebuilt on every call (their attributes may still change) unless every source has closed.
   */
  @Override
  public AgentTrace trace() {
    Built last = built;
    if (last != null && last.reusable() && unchangedSince(last.versions())) {
      return last.trace();
    }
    long[] versions = new long[sinks.size()];
    List<SpanData> finished = new ArrayList<>();
    List<UnfinishedSpan> unfinished = new ArrayList<>();
    boolean allFinal = true;
    for (int i = 0; i < sinks.size(); i++) {
      SpanSink.Snapshot snapshot = sinks.get(i).snapshot();
      versions[i] = snapshot.version();
      finished.addAll(snapshot.finished());
      unfinished.addAll(snapshot.unfinished());
      allFinal &= snapshot.isFinal();
    }
    AgentTrace trace = AgentTrace.of(finished, unfinished);
    built = new Built(versions, unfinished.isEmpty() || allFinal, trace);
    return trace;
  }

  private boolean unchangedSince(long[] versions) {
    for (int i = 0; i < versions.length; i++) {
      if (sinks.get(i).version() != versions[i]) {
        return false;
      }
    }
    return true;
  }
}
