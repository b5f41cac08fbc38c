/**
 * Spring AI traced into AgentTrace: {@link dev.agenttrace.springai.SpringAiObservationHandler} writes Spring AI's
 * Micrometer observations (a {@code ChatClient} call, a chat model call, a tool run) as convention spans through core's
 * one {@code SpanWriter}; {@link dev.agenttrace.springai.SpringAiTracing} wires it for a plain {@code @AgentTest} (an
 * injectable parameter, see {@link dev.agenttrace.springai.SpringAiTracingFactory});
 * {@link dev.agenttrace.springai.ToolFailureRecorder} makes failing tools errors.
 *
 * <p>May use agenttrace-core ({@code llm}, {@code trace}, {@code capture}), Spring AI and Micrometer; never JUnit, never
 * an OpenTelemetry span API directly (spans are written only through {@code SpanWriter}).
 */
package dev.agenttrace.springai;
