package dev.agenttrace.stubs.http;

import dev.agenttrace.llm.ChatRequest;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw JSON bodies of the requests one stub received, in arrival order, and which decoded {@link ChatRequest}
 * came from which body (by identity), so that matchers on the decoded request can look into the raw JSON.
 */
final class RawRequests {
  private final Map<ChatRequest, String> bodies = new IdentityHashMap<>();
  private final List<String> inOrder = new ArrayList<>();
  private final List<ChatRequest> decoded = new ArrayList<>();

  synchronized void add(ChatRequest request, String body) {
    bodies.put(request, body);
    inOrder.add(body);
    decoded.add(request);
  }

  synchronized List<ChatRequest> decoded() {
    return List.copyOf(decoded);
  }

  synchronized Optional<String> bodyOf(ChatRequest request) {
    return Optional.ofNullable(bodies.get(request));
  }

  synchronized List<String> all() {
    return List.copyOf(inOrder);
  }
}
