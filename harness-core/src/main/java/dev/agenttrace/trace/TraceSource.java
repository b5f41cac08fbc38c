package dev.agenttrace.trace;

/**
 * Where a trace comes from: anything that can give a snapshot of the spans captured so far as an
 * {@link AgentTrace} — a test's capture, its spans joined from several sources, an imported file. The durable
 * runtime reads {@code AgentRun.trace()} from one, so it never needs to know who captured the spans.
 */
@FunctionalInterface
public interface TraceSource {
  /** The spans captured so far, finished and still open. */
  AgentTrace trace();
}
