/**
 * The HTTP layer shared by the provider stubs: a WireMock server that decodes a provider's wire format into a chat
 * request, answers from the same scripting as the in-process stubs (or a cassette), writes the provider's wire
 * format back (JSON or SSE), injects faults, and traces each call into the test's capture. Entry point:
 * {@link dev.agenttrace.stubs.http.HttpLlmStub}.
 *
 * <p>May use {@code dev.agenttrace.stubs}, harness-core and WireMock.
 */
package dev.agenttrace.stubs.http;
