package dev.agenttrace.capture;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSource;
import dev.agenttrace.trace.UnfinishedSpan;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Captures the spans of one test scope in memory. Each capture owns its own OpenTelemetry SDK (tracer provider,
 * in-memory exporter, open-span tracking), so spans created through {@link #openTelemetry()} — on any thread —
 * belong to this capture and no other: tests running in parallel are isolated by construction. The SDK is never
 * registered globally; see {@link SharedCapture} for frameworks that insist on {@code GlobalOpenTelemetry}.
 *
 * <pre>{@code
 * try (TraceCapture capture = TraceCapture.builder().clock(virtualClock).build()) {
 *   agent.run(capture.openTelemetry());
 *   AgentTrace trace = capture.trace();
 * }
 * }</pre>
 */
public final class TraceCapture implements TraceSource, AutoCloseable {
  private final SpanSink sink;
  private final TestSpans spans;
  private final RootTraceIdGenerator idGenerator = new RootTraceIdGenerator();
  private final CaptureSdk sdk;
  private boolean closed;

  private TraceCapture(Builder builder) {
    this.sink = new SpanSink(builder.recordStartSites);
    this.spans = TestSpans.of(sink);
    this.sdk = CaptureSdk.build(builder.clock, builder.resource, idGenerator, sink);
  }

  /** A capture with the system clock, no start-site recording (unless the system property asks) and default resource. */
  public static TraceCapture create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The capture's own OpenTelemetry: hand it to the code under test. Never the global instance. */
  public OpenTelemetry openTelemetry() {
    return sdk;
  }

  public Tracer tracer(String instrumentationScopeName) {
    return sdk.getTracer(instrumentationScopeName);
  }

  /**
   * A snapshot of everything captured so far: finished spans and the spans still open. Built once and returned
   * again while no span starts or ends; to join a shared scope's spans, use {@link TestSpans}.
   */
  @Override
  public AgentTrace trace() {
    return spans.trace();
  }

  /** The spans started and not yet ended. */
  public List<UnfinishedSpan> unfinishedSpans() {
    return sink.unfinishedSpans();
  }

  /**
   * Adds spans that finished elsewhere — received over OTLP from another process, or loaded from a file — to this
   * capture as they are (ids, times, resource and attributes kept), so the test's trace shows them with its own.
   *
   * @throws IllegalStateException when the capture is already closed: the spans would be lost
   */
  public void addFinishedSpans(Collection<? extends SpanData> spans) {
    Objects.requireNonNull(spans, "spans");
    if (!sink.addFinished(List.copyOf(spans))) {
      throw new IllegalStateException("The capture is closed: " + spans.size() + " span(s) arrived after its test "
          + "ended and cannot be added");
    }
  }

  /** Forgets the finished spans captured so far; spans still open stay tracked. */
  public void reset() {
    sink.reset();
  }

  /**
   * Runs {@code action} on the current thread so that every root span it starts through this capture gets the
   * trace id {@code traceIdHex}. The durable runtime uses it so that all segments of one execution share a trace id
   * even when they have no parent.
   */
  public <T> T withRootTraceId(String traceIdHex, Supplier<T> action) {
    return idGenerator.withTraceId(traceIdHex, Objects.requireNonNull(action, "action"));
  }

  /** Takes a final snapshot (still returned by {@link #trace()}) and shuts the SDK down. Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      sink.freeze();
      sdk.close();
    }
  }

  SpanSink sink() {
    return sink;
  }

  /** Configures a {@link TraceCapture}. */
  public static final class Builder {
    private Clock clock = Clock.getDefault();
    private boolean recordStartSites = Boolean.parseBoolean(System.getProperty(UnfinishedSpan.START_SITES_PROPERTY));
    private Resource resource = Resource.getDefault();

    private Builder() {}

    /** The clock for span timestamps: pass the runtime's virtual clock so spans follow virtual time. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Whether to record the call site of every span start, shown for unfinished spans. Off by default (it walks the
     * stack on every span start) unless the system property {@value UnfinishedSpan#START_SITES_PROPERTY} is true.
     */
    public Builder recordStartSites(boolean recordStartSites) {
      this.recordStartSites = recordStartSites;
      return this;
    }

    public Builder resource(Resource resource) {
      this.resource = Objects.requireNonNull(resource, "resource");
      return this;
    }

    public TraceCapture build() {
      return new TraceCapture(this);
    }
  }
}
