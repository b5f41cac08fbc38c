package dev.agenttrace.stubs.http;

import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.LlmException;

/**
 * What the stub answered to one chat request: the HTTP response plus, for the trace, the chat response it encodes
 * or the failure it stands for (either may be {@code null}: a proxied or replayed exchange is not decoded), and the
 * chaos drawn for it ({@code null} when the stub's chaos was off).
 */
record Outcome(WireResponse wire, ChatResponse response, LlmException failure, ChaosDraw chaos) {
  static Outcome answered(WireResponse wire, ChatResponse response) {
    return new Outcome(wire, response, null, null);
  }

  static Outcome failed(WireResponse wire, LlmException failure) {
    return new Outcome(wire, null, failure, null);
  }

  static Outcome passedThrough(WireResponse wire) {
    return new Outcome(wire, null, null, null);
  }

  Outcome withChaos(ChaosDraw draw) {
    return new Outcome(wire, response, failure, draw);
  }
}
