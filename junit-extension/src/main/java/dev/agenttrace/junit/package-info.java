/**
 * The JUnit Jupiter integration. Entry points: {@link dev.agenttrace.junit.AgentTest} and
 * {@link dev.agenttrace.junit.AgentTraceExtension}. Per test it resolves one context (identity, settings, CI flag,
 * output paths), opens a capture scope, injects the parameters of one table, adds the trace and report paths to
 * failures, writes the trace file, HTML report and run record (also published through the Platform's file
 * publishing), and compares with the golden trace on request; each JVM rebuilds the run index when its part of the
 * run ends.
 *
 * <p>May use everything in harness-core and llm-stubs, and the JUnit Jupiter API; state lives in the
 * {@code ExtensionContext.Store}, never in statics.
 */
package dev.agenttrace.junit;
