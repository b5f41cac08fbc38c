package dev.agenttrace.capture;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSource;
import dev.agenttrace.trace.UnfinishedSpan;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The share of one test in a {@link SharedCapture}: the spans started under this scope's context (on any thread the
 * context reaches), the descendants of those spans, and the spans of trace ids registered to it. Close it at the end
 * of the test; afterwards nothing more is attributed to it.
 */
public final class CaptureScope implements TraceSource, AutoCloseable {
  private final String name;
  private final ContextKey<CaptureScope> key;
  private final ScopeRoutingProcessor router;
  private final SpanSink sink;
  private final TestSpans spans;
  private volatile boolean closed;

  CaptureScope(String name, ContextKey<CaptureScope> key, ScopeRoutingProcessor router, boolean recordStartSites) {
    this.name = Objects.requireNonNull(name, "name");
    this.key = key;
    this.router = router;
    this.sink = new SpanSink(recordStartSites);
    this.spans = TestSpans.of(sink);
  }

  public String name() {
    return name;
  }

  /** A root context that attributes spans started under it to this scope, e.g. {@code spanBuilder.setParent(...)}. */
  public Context context() {
    return with(Context.root());
  }

  /** {@code context} plus this scope's attribution. */
  public Context with(Context context) {
    return context.with(key, this);
  }

  /** Makes this scope current on this thread: spans started until the returned scope is closed belong here. */
  public Scope makeCurrent() {
    return with(Context.current()).makeCurrent();
  }

  /** {@code task} running under the current context plus this scope, on whichever thread runs it. */
  public Runnable wrap(Runnable task) {
    return with(Context.current()).wrap(task);
  }

  /** {@code task} running under the current context plus this scope, on whichever thread runs it. */
  public <T> Callable<T> wrap(Callable<T> task) {
    return with(Context.current()).wrap(task);
  }

  /** Attributes to this scope every span of trace {@code traceIdHex} that nothing else attributes. */
  public CaptureScope registerTraceId(String traceIdHex) {
    if (!TraceId.isValid(traceIdHex)) {
      throw new IllegalArgumentException("Not a valid trace id: '" + traceIdHex + "'");
    }
    router.registerTraceId(traceIdHex, this);
    return this;
  }

  /** A snapshot of the spans attributed to this scope, finished and still open. */
  @Override
  public AgentTrace trace() {
    return spans.trace();
  }

  public List<UnfinishedSpan> unfinishedSpans() {
    return sink.unfinishedSpans();
  }

  public boolean isClosed() {
    return closed;
  }

  /** Stops attributing spans to this scope; what it captured stays readable, as it was at this moment. */
  @Override
  public void close() {
    closed = true;
    router.forget(this);
    sink.freeze();
  }

  SpanSink sink() {
    return sink;
  }

  @Override
  public String toString() {
    return "CaptureScope[" + name + (closed ? ", closed]" : "]");
  }
}
