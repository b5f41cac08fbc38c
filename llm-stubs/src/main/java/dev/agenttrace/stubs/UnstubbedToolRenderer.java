package dev.agenttrace.stubs;

import dev.agenttrace.llm.ToolCall;
import java.util.List;
import java.util.Set;

/**
 * Writes the failure message for a tool call no stubbing answers: the call, the stubbed tools (with the closest
 * name when the call looks like a typo) or the argument conditions that did not match, and a stubbing to add.
 */
final class UnstubbedToolRenderer {
  private UnstubbedToolRenderer() {}

  /**
   * @param stubbedTools names of all stubbed tools, sorted
   * @param sameToolStubbings descriptions of the (conditional) stubbings of the called tool, none when it has none
   */
  static String render(ToolCall call, Set<String> stubbedTools, List<String> sameToolStubbings) {
    StringBuilder out = new StringBuilder();
    if (sameToolStubbings.isEmpty()) {
      out.append("ToolStubs has no stub for tool '").append(call.name()).append("'.\n");
    } else {
      out.append("ToolStubs has stubs for tool '").append(call.name())
          .append("', but none matches the arguments of this call.\n");
    }
    out.append("  call: ").append(call.name()).append(" (id ").append(Text.quote(call.id())).append(")\n");
    out.append("  arguments: ").append(Text.abbreviate(call.arguments())).append('\n');
    if (sameToolStubbings.isEmpty()) {
      out.append("  stubbed tools: ").append(ConversationText.toolNames(List.copyOf(stubbedTools))).append('\n');
      EditDistance.closest(call.name(), stubbedTools)
          .ifPresent(closest -> out.append("  did you mean '").append(closest).append("'?\n"));
    } else {
      out.append("  stubbings of '").append(call.name()).append("':\n");
      sameToolStubbings.forEach(description -> out.append("    - ").append(description).append('\n'));
    }
    out.append("What to do: stub the tool in the test, for example\n  tools.stub(")
        .append(Text.javaLiteral(call.name())).append(").returns(\"...\");");
    if (!sameToolStubbings.isEmpty()) {
      out.append("\nor widen one of the whenArgumentsContain(...) conditions above.");
    }
    return out.toString();
  }
}
