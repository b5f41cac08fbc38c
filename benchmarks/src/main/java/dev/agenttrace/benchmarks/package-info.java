/**
 * JMH benchmarks of AgentTrace. Every benchmark class measures its variants against a baseline in the same run, so
 * results are read as ratios (see {@code docs/performance.md}).
 */
package dev.agenttrace.benchmarks;
