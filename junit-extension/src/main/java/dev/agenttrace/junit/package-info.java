/**
 * The JUnit Jupiter integration. Entry points: {@link dev.agenttrace.junit.AgentTest} and
 * {@link dev.agenttrace.junit.AgentTraceExtension}. Per test it resolves one context (identity, settings, CI flag,
 * output paths), opens a capture scope, injects the parameters of one table, adds the trace and report paths to
 * failures, writes the trace file and HTML report, and compares with the golden trace on request.
 *
 * <p>May use everything in harness-core and llm-stubs, and the JUnit Jupiter API; state lives in the
 * {@code ExtensionContext.Store}, never in statics.
 */
package dev.agenttrace.junit;
