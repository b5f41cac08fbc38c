/**
 * OTLP/HTTP export of a test's trace to a Collector, Jaeger or Tempo ({@link dev.agenttrace.otlp.export.OtlpExport}),
 * with the test's identity as resource attributes. Uses core's model and OpenTelemetry's standard
 * {@code OtlpHttpSpanExporter}.
 */
package dev.agenttrace.otlp.export;
