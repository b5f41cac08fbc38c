/**
 * OTLP/JSON in and out: {@link dev.agenttrace.otlp.OtlpJson} reads the OTLP/JSON encoding of an
 * {@code ExportTraceServiceRequest} (a single document or the JSON Lines the OpenTelemetry Collector's file exporter
 * writes) into an {@link dev.agenttrace.trace.AgentTrace}, and writes a trace back in the same encoding.
 *
 * <p>Uses only the model ({@code dev.agenttrace.trace}), {@code files} for atomic writes, the OpenTelemetry API/SDK
 * data types and Jackson's streaming parser and generator; never {@code capture}, {@code runtime},
 * {@code assertions}, {@code golden} or {@code report}.
 */
package dev.agenttrace.otlp;
