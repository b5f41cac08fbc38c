/**
 * The durable test runtime: agents run in segments of active execution, every completed operation is journaled,
 * waits end the segment, resumes replay the journal without running anything twice, and crashes can be injected.
 * Entry points: {@link dev.agenttrace.runtime.AgentHarness} (runs an {@link dev.agenttrace.runtime.Agent}) and
 * {@link dev.agenttrace.runtime.AgentRun} (drives one run: status, approvals, events, time, resume, trace).
 *
 * <p>May use {@code capture}, {@code trace} and {@code llm}; writes its spans through the trace package's span
 * conventions; never JUnit.
 */
package dev.agenttrace.runtime;
