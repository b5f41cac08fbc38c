/**
 * {@link dev.agenttrace.stubs.anthropic.AnthropicStub}: an HTTP server speaking Anthropic's messages wire format
 * ({@code tool_use} blocks, named SSE events, errors), for anthropic-java and any Anthropic-compatible client.
 *
 * <p>May use {@code dev.agenttrace.stubs.http} and below.
 */
package dev.agenttrace.stubs.anthropic;
