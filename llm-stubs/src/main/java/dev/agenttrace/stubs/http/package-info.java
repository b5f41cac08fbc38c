/**
 * The HTTP layer shared by the provider stubs: a WireMock server that decodes a provider's wire format
 * ({@link dev.agenttrace.stubs.http.WireFormat}, one or more per server) into a chat request, answers from the same
 * scripting as the in-process stubs (or a cassette), writes the provider's wire format back (JSON, or SSE sent whole
 * or paced by {@link dev.agenttrace.stubs.http.StreamPacing}), injects scripted and seeded faults
 * ({@link dev.agenttrace.stubs.http.HttpFault}, {@link dev.agenttrace.stubs.http.Chaos}), and traces each call into the
 * test's capture through core's span writer. Entry point: {@link dev.agenttrace.stubs.http.HttpLlmStub}.
 *
 * <p>May use {@code dev.agenttrace.stubs}, harness-core and WireMock.
 */
package dev.agenttrace.stubs.http;
