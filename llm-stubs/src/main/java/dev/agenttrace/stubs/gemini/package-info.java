/**
 * {@link dev.agenttrace.stubs.gemini.GeminiStub}: an HTTP server speaking the Gemini API's wire format
 * ({@code generateContent}, {@code streamGenerateContent?alt=sse}, {@code functionCall} / {@code functionResponse}
 * parts, {@code usageMetadata}, {@code google.rpc.Status} errors), for Google's {@code google-genai} client, Google
 * ADK, and the Gemini modules of LangChain4j and Spring AI.
 *
 * <p>May use {@code dev.agenttrace.stubs.http} and below.
 */
package dev.agenttrace.stubs.gemini;
