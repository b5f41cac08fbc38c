/**
 * Fluent AssertJ assertions on a trace. Entry point: {@link dev.agenttrace.assertions.AgentTraceAssertions} (extends
 * AssertJ's {@code Assertions}: one static import for both), and {@link dev.agenttrace.assertions.SoftAgentTraceAssertions}
 * for soft mode. Selections (tool calls, LLM calls, steps, segments, executions, errors, spans) narrow a trace; each
 * element has its own assert; failures show the trace as a tree with the span in question marked. Durability of a run
 * ({@link dev.agenttrace.assertions.DurabilityAssert}) and crash exploration
 * ({@link dev.agenttrace.assertions.HarnessAssert}, {@link dev.agenttrace.assertions.CrashExplorationAssert}) fail the
 * same way.
 *
 * <p>May use {@code runtime}, {@code capture}, {@code trace}, {@code llm} and AssertJ; nothing depends on it.
 */
package dev.agenttrace.assertions;
