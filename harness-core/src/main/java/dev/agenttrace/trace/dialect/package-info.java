/**
 * Dialects: spans written in other instrumentations' conventions (OpenInference, Spring AI, Google ADK, the
 * event-based GenAI conventions, a durable runtime's segment and step spans) normalized at ingestion into
 * AgentTrace's own conventions, through an alias table kept as data. Entry point:
 * {@link dev.agenttrace.trace.dialect.SpanDialects}; the table format is in {@code docs/dialects.md}.
 *
 * <p>Part of the trace layer: may use {@code dev.agenttrace.trace} (the conventions), {@code llm} (the message
 * vocabulary), the OpenTelemetry SDK data types and Jackson.
 */
package dev.agenttrace.trace.dialect;
