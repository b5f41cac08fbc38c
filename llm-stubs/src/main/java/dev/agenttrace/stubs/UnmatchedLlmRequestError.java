package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.redaction.RedactionPolicy;

/**
 * Thrown by {@link LlmStub#chat} when no stubbing answers a request. An {@link AssertionError}, so it fails the
 * test rather than looking like a provider error the agent could handle. Its message shows the request and every
 * stubbing closest first, each criterion marked matched or not with expected vs actual, and a stubbing to add.
 */
public final class UnmatchedLlmRequestError extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient ChatRequest request;
  private final int turn;

  UnmatchedLlmRequestError(String message, ChatRequest request, int turn) {
    // the message shows the request and goes to CI logs: the one redaction policy applies to it
    super(RedactionPolicy.defaults().redactPlainText(message));
    this.request = request;
    this.turn = turn;
  }

  /** The request no stubbing matched (null after deserialization). */
  public ChatRequest request() {
    return request;
  }

  /** The 1-based turn of the request: how many chat calls the stub had received, this one included. */
  public int turn() {
    return turn;
  }
}
