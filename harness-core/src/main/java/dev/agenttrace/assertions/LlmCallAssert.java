package dev.agenttrace.assertions;

import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.LlmCall;
import java.util.List;

/** Assertions on one LLM call: model, finish reason, the tools it requested, its output. */
public class LlmCallAssert extends AbstractTraceElementAssert<LlmCallAssert, LlmCall> {

  public LlmCallAssert(LlmCall actual, AgentTrace trace) {
    super(actual, trace, LlmCallAssert.class);
  }

  @Override
  protected String spanId() {
    return actual.span().spanId();
  }

  /** The requested model. */
  public LlmCallAssert hasModel(String expected) {
    isNotNull();
    if (!expected.equals(actual.model())) {
      failWith("the LLM call to use model " + expected, expected, actual.model(), "it used " + actual.model());
    }
    return this;
  }

  public LlmCallAssert hasFinishReason(FinishReason expected) {
    isNotNull();
    FinishReason reason = actual.finishReason().orElse(null);
    if (reason != expected) {
      failWith("the LLM call to finish with " + expected.wireValue(), expected, reason,
          "it finished with " + (reason == null ? "no recorded reason" : reason.wireValue()));
    }
    return this;
  }

  /** The model's reply requested a call of this tool. */
  public LlmCallAssert requestedTool(String toolName) {
    isNotNull();
    List<String> requested = actual.requestedToolCalls().stream().map(ToolCall::name).toList();
    if (!requested.contains(toolName)) {
      failWith("the LLM call to request tool '" + toolName + "'", toolName, requested,
          requested.isEmpty() ? "it requested no tools" : "it requested " + requested);
    }
    return this;
  }

  /** The text the model replied with. */
  public LlmCallAssert hasOutputText(String expected) {
    isNotNull();
    if (!expected.equals(actual.outputText())) {
      failWith("the LLM call to reply \"" + expected + "\"", expected, actual.outputText(),
          "it replied \"" + actual.outputText() + "\"");
    }
    return this;
  }
}
