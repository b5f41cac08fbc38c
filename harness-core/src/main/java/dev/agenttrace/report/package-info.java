/**
 * The self-contained HTML trace report (timeline, graph, details) and the run index. Entry points:
 * {@link dev.agenttrace.report.HtmlReport} and {@link dev.agenttrace.report.ReportIndex}. Untrusted text is embedded
 * as inert JSON and rendered with text APIs only, under a Content-Security-Policy that allows scripts and styles by
 * hash alone. The index of a run spread over several JVMs is rebuilt from one {@link dev.agenttrace.report.RunRecord}
 * per test; {@link dev.agenttrace.report.MergeReportIndexes} merges several report folders (modules, CI shards).
 * Test names in records and indexes are redacted by the {@code RedactionPolicy}.
 *
 * <p>May use {@code trace}, {@code files}, {@code redaction} and {@code llm}; nothing depends on it.
 */
package dev.agenttrace.report;
