package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;

/** A request as an {@link LlmStub} received it: the request and its 1-based turn (count of chat calls so far). */
record Received(ChatRequest request, int turn) {}
