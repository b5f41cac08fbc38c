package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.Role;
import dev.agenttrace.llm.ToolResult;
import java.util.List;

/**
 * Writes the failure message for a request no stubbing matched, in WireMock's near-miss style: the request, then
 * every stubbing closest first with each criterion marked {@code ✓}/{@code ✗} and the actual value beside the
 * expectation, then a stubbing to add. Builds text by concatenation only, so {@code %} in user text is harmless.
 */
final class NearMissRenderer {
  /** Code points of the last user message used in the suggested {@code whenLastUserMessageContains(...)}. */
  private static final int SUGGESTION_CODE_POINTS = 40;

  private NearMissRenderer() {}

  static String render(String providerName, Received received, List<NearMiss> nearMisses) {
    StringBuilder out = new StringBuilder();
    out.append("LlmStub (").append(providerName).append(") has no stubbing that matches chat request #")
        .append(received.turn()).append(".\n\n");
    appendRequest(out, received);
    appendStubbings(out, nearMisses);
    appendAdvice(out, received.request());
    return out.toString();
  }

  private static void appendRequest(StringBuilder out, Received received) {
    ChatRequest request = received.request();
    out.append("Request (turn ").append(received.turn()).append("):\n");
    out.append("  model: ").append(Text.quote(request.model())).append('\n');
    out.append("  messages:\n");
    for (int i = 0; i < request.messages().size(); i++) {
      out.append("    ").append(i + 1).append(". ").append(ConversationText.message(request.messages().get(i)))
          .append('\n');
    }
    out.append("  tools offered: ").append(ConversationText.toolNames(request)).append("\n\n");
  }

  private static void appendStubbings(StringBuilder out, List<NearMiss> nearMisses) {
    if (nearMisses.isEmpty()) {
      out.append("Stubbings: none registered.\n\n");
      return;
    }
    out.append("Stubbings, closest first (").append(nearMisses.size()).append("):\n");
    int rank = 1;
    for (NearMiss miss : nearMisses) {
      out.append('\n').append("  ").append(rank++).append(". stubbing #").append(miss.sequence()).append(": ")
          .append(miss.description()).append('\n');
      out.append("     ").append(miss.matchedCount()).append(" of ").append(miss.results().size())
          .append(" criteria matched");
      if (miss.exhausted()) {
        out.append("; exhausted: already answered ").append(miss.uses()).append(" time")
            .append(miss.uses() == 1 ? "" : "s").append(", its limit");
      }
      out.append('\n');
      appendCriteria(out, miss.results());
    }
    out.append('\n');
  }

  private static void appendCriteria(StringBuilder out, List<Criterion.Result> results) {
    int width = results.stream().mapToInt(result -> Text.width(result.description())).max().orElse(0);
    for (Criterion.Result result : results) {
      out.append("     ").append(result.matched() ? "✓ " : "✗ ");
      if (result.matched()) {
        out.append(result.description());
      } else {
        out.append(Text.pad(result.description(), width)).append("   | actual: ").append(result.actual());
      }
      out.append('\n');
    }
  }

  private static void appendAdvice(StringBuilder out, ChatRequest request) {
    out.append("What to do: add a stubbing that matches this request, for example\n  ")
        .append(suggestion(request)).append(".replyWithText(\"...\");\n")
        .append("or fix the closest stubbing's criteria marked ✗ (a stubbing limited with times(n)/once() stops "
            + "answering when used up).");
  }

  private static String suggestion(ChatRequest request) {
    List<ToolResult> results = request.lastMessage().toolResults();
    if (!results.isEmpty()) {
      return "llm.whenLastMessageIsToolResult(" + Text.javaLiteral(results.get(0).toolName()) + ")";
    }
    boolean hasUserMessage = request.messages().stream().anyMatch(message -> message.role() == Role.USER);
    if (hasUserMessage) {
      String fragment = Text.prefix(request.lastUserText(), SUGGESTION_CODE_POINTS);
      return "llm.whenLastUserMessageContains(" + Text.javaLiteral(fragment) + ")";
    }
    return "llm.whenModel(" + Text.javaLiteral(request.model()) + ")";
  }
}
