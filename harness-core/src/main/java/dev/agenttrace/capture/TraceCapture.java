package dev.agenttrace.capture;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.UnfinishedSpan;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
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
public final class TraceCapture implements AutoCloseable {
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final OpenSpanTracker openSpans;
  private final RootTraceIdGenerator idGenerator = new RootTraceIdGenerator();
  private final OpenTelemetrySdk sdk;
  private volatile AgentTrace finalTrace;

  private TraceCapture(Builder builder) {
    this.openSpans = new OpenSpanTracker(builder.recordStartSites);
    // exporter first: an ending span is exported before it leaves the open set, so a snapshot never misses it
    this.sdk = CaptureSdk.build(builder.clock, builder.resource, idGenerator,
        SimpleSpanProcessor.create(exporter), openSpans);
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

  /** A snapshot of everything captured so far: finished spans and the spans still open. */
  public AgentTrace trace() {
    AgentTrace closed = finalTrace;
    if (closed != null) {
      return closed;
    }
    // open spans first, then finished ones: a span ending in between shows up finished, never nowhere
    List<UnfinishedSpan> unfinished = openSpans.unfinishedSpans();
    List<SpanData> finished = exporter.getFinishedSpanItems();
    return AgentTrace.of(finished, unfinished);
  }

  /** The spans started and not yet ended. */
  public List<UnfinishedSpan> unfinishedSpans() {
    AgentTrace closed = finalTrace;
    return closed != null ? closed.unfinishedSpans() : openSpans.unfinishedSpans();
  }

  /**
   * Adds spans that finished elsewhere — received over OTLP from another process, or loaded from a file — to this
   * capture as they are (ids, times, resource and attributes kept), so the test's trace shows them with its own.
   *
   * @throws IllegalStateException when the capture is already closed: the spans would be lost
   */
  public void addFinishedSpans(Collection<? extends SpanData> spans) {
    Objects.requireNonNull(spans, "spans");
    if (finalTrace != null || !exporter.export(List.copyOf(spans)).isSuccess()) {
      throw new IllegalStateException("The capture is closed: " + spans.size() + " span(s) arrived after its test "
          + "ended and cannot be added");
    }
  }

  /** Forgets the finished spans captured so far; spans still open stay tracked. */
  public void reset() {
    exporter.reset();
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
    if (finalTrace == null) {
      finalTrace = trace();
      sdk.close();
    }
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
