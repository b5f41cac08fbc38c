/**
 * The chat vocabulary an agent speaks and the ports it speaks through: {@link dev.agenttrace.llm.ChatRequest},
 * {@link dev.agenttrace.llm.ChatResponse}, {@link dev.agenttrace.llm.Message} and its parts, tool calls and results,
 * usage, finish reasons, and {@link dev.agenttrace.llm.LlmClient} / {@link dev.agenttrace.llm.ToolExecutor}, the two
 * ports that stubs (and real adapters) implement. Mirrors the GenAI message schema, so a request maps one to one onto
 * {@code gen_ai.input.messages}.
 *
 * <p>Bottom layer: depends on nothing of AgentTrace (Jackson only, for {@link dev.agenttrace.llm.GenAiJson}).
 */
package dev.agenttrace.llm;
