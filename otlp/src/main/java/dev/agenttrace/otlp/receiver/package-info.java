/**
 * An in-test OTLP/HTTP receiver ({@link dev.agenttrace.otlp.receiver.OtlpReceiver}): agents in another process or
 * language export their spans to it with their usual OTLP exporter, and the spans join the test's capture. Uses
 * core's {@code capture} and {@code otlp} packages, opentelemetry-proto and the JDK's HTTP server.
 */
package dev.agenttrace.otlp.receiver;
