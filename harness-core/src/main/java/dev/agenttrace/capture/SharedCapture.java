package dev.agenttrace.capture;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.UnfinishedSpan;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.IdGenerator;

/**
 * One OpenTelemetry SDK shared by many tests, for the opt-in mode where frameworks read {@code GlobalOpenTelemetry}
 * and a per-test SDK cannot be handed in. Each test opens a {@link CaptureScope}; every span is attributed to a
 * scope by the scope in its parent context, else by its parent span's scope, else by a trace id registered to a
 * scope. Spans nothing attributes are kept apart in {@link #unattributedSpans()}: never dropped, never mixed into a
 * test's trace. Prefer {@link TraceCapture} whenever the code under test accepts an {@link OpenTelemetry}.
 *
 * <p>All spans share one clock: in this mode span timestamps cannot follow a per-test virtual clock.
 */
public final class SharedCapture implements AutoCloseable {
  private final ContextKey<CaptureScope> scopeKey = ContextKey.named("agenttrace.capture-scope");
  private final boolean recordStartSites;
  private final SpanSink unattributed;
  private final TestSpans unattributedSpans;
  private final ScopeRoutingProcessor router;
  private final CaptureSdk sdk;

  private SharedCapture(boolean recordStartSites) {
    this.recordStartSites = recordStartSites;
    this.unattributed = new SpanSink(recordStartSites);
    this.unattributedSpans = TestSpans.of(unattributed);
    this.router = new ScopeRoutingProcessor(scopeKey, unattributed);
    this.sdk = CaptureSdk.build(Clock.getDefault(), Resource.getDefault(), IdGenerator.random(),
        new OwnedPropagators(this), router);
  }

  /**
   * The shared capture registered as {@code GlobalOpenTelemetry} in this JVM, installing a new one on first use.
   * The capture is found again through the global instance itself (its propagators point back to it), so AgentTrace
   * keeps no static state of its own, and repeated test runs in one JVM share the one global install.
   *
   * @throws IllegalStateException when a different OpenTelemetry is already global
   */
  public static SharedCapture global() {
    return GlobalCaptureInstaller.installedOrNew(SharedCapture::create);
  }

  /**
   * A shared capture; start sites are recorded when the system property
   * {@value UnfinishedSpan#START_SITES_PROPERTY} is true.
   */
  public static SharedCapture create() {
    return create(Boolean.parseBoolean(System.getProperty(UnfinishedSpan.START_SITES_PROPERTY)));
  }

  public static SharedCapture create(boolean recordStartSites) {
    return new SharedCapture(recordStartSites);
  }

  /** The shared SDK (not registered globally unless {@link #installGlobal()} is called). */
  public OpenTelemetry openTelemetry() {
    return sdk;
  }

  /** Opens the scope of one test; close it when the test ends. */
  public CaptureScope openScope(String name) {
    return new CaptureScope(name, scopeKey, router, recordStartSites);
  }

  /** The spans no scope claimed (started outside any scope's context and unrelated to its spans and traces). */
  public AgentTrace unattributedSpans() {
    return unattributedSpans.trace();
  }

  /**
   * Registers this capture's SDK as {@code GlobalOpenTelemetry}. The global instance can be set once per JVM, so
   * install one shared capture per test run: calling this again on the same capture is a no-op (recognised through
   * the global's propagators, which point back to this capture), while any other global instance — another capture,
   * an agent, autoconfiguration — makes it fail with an explanation instead of silently capturing nothing. Global
   * state is never reset.
   *
   * @return the installed instance
   * @throws IllegalStateException when a different OpenTelemetry is already global
   */
  public OpenTelemetry installGlobal() {
    return GlobalCaptureInstaller.install(this);
  }

  /** Shuts the shared SDK down; captured spans stay readable through the scopes. */
  @Override
  public void close() {
    sdk.close();
  }
}
