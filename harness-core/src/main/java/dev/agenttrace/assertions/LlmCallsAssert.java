package dev.agenttrace.assertions;

import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.LlmCall;

/**
 * Assertions on the LLM calls of a trace, or a selection of them; names are model names (response model, else
 * request model). Adds {@link #withModel}, {@link #withFinishReason}, {@link #requestingTool} and
 * {@link #recoveredFromFailures}.
 */
public class LlmCallsAssert extends AbstractSelectionAssert<LlmCallsAssert, LlmCall, LlmCallAssert> {

  public LlmCallsAssert(TraceSelection<LlmCall> actual) {
    super(actual, LlmCallsAssert.class);
  }

  @Override
  protected LlmCallsAssert newSelectionAssert(TraceSelection<LlmCall> selection) {
    return new LlmCallsAssert(selection);
  }

  @Override
  protected LlmCallAssert newElementAssert(LlmCall element) {
    return new LlmCallAssert(element, trace());
  }

  @Override
  protected Class<LlmCallAssert> elementAssertType() {
    return LlmCallAssert.class;
  }

  @Override
  protected Class<LlmCall> elementType() {
    return LlmCall.class;
  }

  /** Calls to a model whose name matches the glob (same as {@link #named}). */
  public LlmCallsAssert withModel(String modelGlob) {
    return named(modelGlob);
  }

  public LlmCallsAssert withFinishReason(FinishReason reason) {
    return where(new Criterion<>("that finished with " + reason.wireValue(), "finish reason", reason.wireValue(),
        call -> call.finishReason().orElse(null) == reason,
        call -> call.finishReason().map(FinishReason::wireValue).orElse("(none)")));
  }

  /** Calls whose reply requested this tool. */
  public LlmCallsAssert requestingTool(String toolName) {
    return where(new Criterion<>("requesting tool " + Values.quoted(toolName), "requested tools", toolName,
        call -> call.requestedToolCalls().stream().anyMatch(tool -> tool.name().equals(toolName)),
        call -> call.requestedToolCalls().stream().map(ToolCall::name).toList().toString()));
  }

  /** At least one call failed and a successful call followed every failure (see {@link LlmRecovery}). */
  public LlmCallsAssert recoveredFromFailures() {
    new LlmRecovery(selection().elements(), trace()).problem()
        .ifPresent(problem -> fail(expecting(LlmRecovery.EXPECTATION).but(problem), "recovered", problem));
    return myself;
  }

  static TraceSelection<LlmCall> of(AgentTrace trace) {
    return TraceSelection.of(trace, "LLM call", trace.llmCalls(), LlmCall::span, LlmCall::model);
  }
}
