package dev.agenttrace.stubs;

import dev.agenttrace.llm.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The start of a tool stubbing, returned by {@link ToolStubs#stub}: optionally restrict it to certain arguments,
 * then give its first answer. Registered when the first answer is given; the returned {@link ToolAnswers} adds
 * consecutive answers and latency.
 */
public final class ToolStubbing {
  private final ToolStubs tools;
  private final String toolName;
  private final List<String> argumentFragments;

  ToolStubbing(ToolStubs tools, String toolName, List<String> argumentFragments) {
    this.tools = tools;
    this.toolName = Objects.requireNonNull(toolName, "toolName");
    this.argumentFragments = List.copyOf(argumentFragments);
  }

  /**
   * Answers only calls whose arguments JSON contains {@code fragment} (substring; repeat to require several).
   * Conditional stubbings win over unconditional ones for the same tool; among them the most recent matching wins.
   */
  public ToolStubbing whenArgumentsContain(String fragment) {
    List<String> fragments = new ArrayList<>(argumentFragments);
    fragments.add(Objects.requireNonNull(fragment, "fragment"));
    return new ToolStubbing(tools, toolName, fragments);
  }

  /** Returns {@code result} (usually JSON text). */
  public ToolAnswers returns(String result) {
    return start(ToolAnswer.returning(result));
  }

  /** Throws exactly {@code exception} from {@link ToolStubs#execute}. */
  public ToolAnswers throwsException(Exception exception) {
    return start(ToolAnswer.throwing(exception));
  }

  /** Answers with what {@code function} returns for the call, or throws what it throws. */
  public ToolAnswers answers(ThrowingFunction<ToolCall, String> function) {
    return start(ToolAnswer.answering(function));
  }

  private ToolAnswers start(ToolAnswer first) {
    return new ToolAnswers(tools, tools.register(new ToolScript(toolName, argumentFragments, first)));
  }
}
