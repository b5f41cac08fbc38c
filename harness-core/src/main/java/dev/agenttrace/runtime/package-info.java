/**
 * The durable test runtime: agents run in segments of active execution, every completed operation is journaled,
 * waits end the segment, resumes replay the journal without running anything twice, and crashes can be injected.
 * Entry points: {@link dev.agenttrace.runtime.AgentHarness} (runs an {@link dev.agenttrace.runtime.Agent}),
 * {@link dev.agenttrace.runtime.AgentRun} (drives one run: status, approvals, events, time, resume, trace),
 * {@link dev.agenttrace.runtime.CrashExploration} (every crash point, resumed exactly once) and
 * {@link dev.agenttrace.runtime.FileJournal} (a journal that survives a simulated process restart).
 *
 * <p>May use {@code capture}, {@code trace}, {@code llm} and {@code redaction}; writes its spans only through
 * {@link dev.agenttrace.trace.SpanWriter}'s handles; never JUnit.
 */
package dev.agenttrace.runtime;
