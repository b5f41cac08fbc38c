/**
 * Per-test span capture: {@link dev.agenttrace.capture.TraceCapture} gives each test its own OpenTelemetry SDK,
 * in-memory exporter, open-span tracker and virtual clock, so parallel tests never see each other's spans;
 * {@link dev.agenttrace.capture.SharedCapture} routes the spans of one opt-in global SDK to the test they belong to.
 * Only {@link dev.agenttrace.capture.GlobalCaptureInstaller} touches {@code GlobalOpenTelemetry}.
 *
 * <p>May use {@code trace}, {@code llm} and the OpenTelemetry SDK; never JUnit.
 */
package dev.agenttrace.capture;
