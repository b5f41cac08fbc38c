package dev.agenttrace.stubs;

import dev.agenttrace.llm.ToolCall;
import java.time.Duration;

/**
 * A registered tool stubbing's consecutive answers: each {@code then...} adds the answer for the next call, and
 * the last answer repeats. {@link #withLatency} delays every answer of this stubbing through the sleeper.
 */
public final class ToolAnswers {
  private final ToolStubs tools;
  private final ToolScript script;

  ToolAnswers(ToolStubs tools, ToolScript script) {
    this.tools = tools;
    this.script = script;
  }

  public ToolAnswers thenReturns(String result) {
    return then(ToolAnswer.returning(result));
  }

  public ToolAnswers thenThrowsException(Exception exception) {
    return then(ToolAnswer.throwing(exception));
  }

  public ToolAnswers thenAnswers(ThrowingFunction<ToolCall, String> function) {
    return then(ToolAnswer.answering(function));
  }

  /** Passes {@code latency} to the sleeper before each answer (a virtual clock in tests). */
  public ToolAnswers withLatency(Duration latency) {
    Duration checked = Sleepers.checkLatency(latency);
    tools.guarded(() -> script.latency(checked));
    return this;
  }

  /** The stubbing in words, as listed by {@link ToolStubs#unusedStubs()}. */
  @Override
  public String toString() {
    return tools.read(script::description);
  }

  private ToolAnswers then(ToolAnswer answer) {
    tools.guarded(() -> script.append(answer));
    return this;
  }
}
