/**
 * The captured trace as an immutable model, and the conventions it is read and written by. Entry point:
 * {@link dev.agenttrace.trace.AgentTrace}, the finished spans of one test as a tree with typed views
 * ({@link dev.agenttrace.trace.Execution}s stitched from {@link dev.agenttrace.trace.Segment}s,
 * {@link dev.agenttrace.trace.LlmCall}s, {@link dev.agenttrace.trace.ToolInvocation}s, {@link dev.agenttrace.trace.Step}s,
 * {@link dev.agenttrace.trace.TraceError}s). {@link dev.agenttrace.trace.SpanConventions} is the one place that spells
 * span names and attribute keys.
 *
 * <p>May use {@code llm} and {@code files}, the OpenTelemetry API and SDK data types and Jackson; every other package
 * of harness-core builds on it and talks to the others only through it.
 */
package dev.agenttrace.trace;
