package dev.agenttrace.stubs.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenttrace.llm.ChatRequest;

/** Where a stub's answers come from: its script, a real provider it records, or a cassette it replays. */
interface ReplySource {
  Outcome answer(HttpExchange exchange, JsonNode body, ChatRequest request);
}
