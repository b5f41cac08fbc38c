/**
 * The self-contained HTML trace report (timeline, graph, details) and the run index. Entry points:
 * {@link dev.agenttrace.report.HtmlReport} and {@link dev.agenttrace.report.ReportIndex}. Untrusted text is embedded
 * as inert JSON and rendered with text APIs only, under a Content-Security-Policy that allows scripts and styles by
 * hash alone.
 *
 * <p>May use {@code trace}, {@code files} and {@code llm}; nothing depends on it.
 */
package dev.agenttrace.report;
