/**
 * JSON support shared by the layers that read JSON into trees ({@link dev.agenttrace.json.JsonTrees}): golden traces
 * (canonical tool arguments and results) and span dialect tables.
 *
 * <p>Bottom layer: depends on nothing of AgentTrace, only on Jackson.
 */
package dev.agenttrace.json;
