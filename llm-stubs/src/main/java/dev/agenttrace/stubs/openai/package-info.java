/**
 * {@link dev.agenttrace.stubs.openai.OpenAiStub}: an HTTP server speaking OpenAI's chat completions wire format (tool
 * calls, SSE streaming, usage, errors), for openai-java, LangChain4j, Spring AI and any OpenAI-compatible client.
 *
 * <p>May use {@code dev.agenttrace.stubs.http} and below.
 */
package dev.agenttrace.stubs.openai;
