/**
 * In-process stubs: {@link dev.agenttrace.stubs.LlmStub} (scripted LLM replies matched on request content, near-miss
 * failures for unmatched requests) and {@link dev.agenttrace.stubs.ToolStubs} (per-tool answers, recorded calls). They
 * implement the ports of {@code dev.agenttrace.llm}. The scripting vocabulary is declared once:
 * {@link dev.agenttrace.stubs.LlmScripting} (every {@code whenX}) and {@link dev.agenttrace.stubs.LlmReply} /
 * {@link dev.agenttrace.stubs.ReplyVocabulary} (every reply), shared by {@code LlmStub} and the HTTP stubs.
 *
 * <p>May use harness-core's {@code llm} and {@code trace}; knows nothing of HTTP.
 */
package dev.agenttrace.stubs;
