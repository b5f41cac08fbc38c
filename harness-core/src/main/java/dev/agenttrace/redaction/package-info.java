/**
 * What must never leave a test: {@link dev.agenttrace.redaction.RedactionPolicy}, the one redaction policy applied to
 * every output that carries trace content (golden files, reports, trace files, failure messages, cassettes, OTLP).
 * Sits at the bottom of the layering beside {@code llm} and {@code files}: it uses Jackson and nothing of the trace
 * model, so every other package (and llm-stubs) can use it.
 */
package dev.agenttrace.redaction;
