/**
 * Golden traces: a canonical, reviewable YAML rendering of a trace, compared with the one checked in next to the
 * tests. Entry point: {@link dev.agenttrace.golden.GoldenTraces} ({@code compare} returns a
 * {@link dev.agenttrace.golden.GoldenResult}; {@code assertMatches} fails with a unified diff); redactions by
 * {@link dev.agenttrace.golden.Selector}, stable placeholders, read-only on CI.
 *
 * <p>May use {@code trace}, {@code files} and {@code llm}; nothing depends on it.
 */
package dev.agenttrace.golden;
