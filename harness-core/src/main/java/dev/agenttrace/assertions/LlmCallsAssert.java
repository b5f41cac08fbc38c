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

  /** What this assert selects and which asserts it makes; also behind {@code AgentTraceAssertions}' factory. */
  static final SelectionKind<LlmCallsAssert, LlmCall, LlmCallAssert> KIND =
      new SelectionKind<>("LLM call", LlmCallsAssert.class, LlmCallsAssert::new, LlmCall.class, LlmCallAssert.class,
          LlmCallAssert::new, AgentTrace::llmCalls, LlmCall::span, LlmCall::model);

  public LlmCallsAssert(TraceSelection<LlmCall> actual) {
    super(actual, KIND);
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

  /** Calls whose reply requested a tool matching {@code toolName} (a glob). */
  public LlmCallsAssert requestingTool(String toolName) {
    Glob glob = Glob.of(toolName);
    return where(new Criterion<>("requesting tool " + Values.quoted(toolName), "requested tools", toolName,
        call -> call.requestedToolCalls().stream().anyMatch(tool -> glob.matches(tool.name())),
        call -> call.requestedToolCalls().stream().map(ToolCall::name).toList().toString()));
  }

  /** At least one call failed and a successful call followed every failure (see {@link LlmRecovery}). */
  public LlmCallsAssert recoveredFromFailures() {
    new LlmRecovery(selection().elements(), trace()).problem()
        .ifPresent(problem -> fail(expecting(LlmRecovery.EXPECTATION).but(problem), "recovered", problem));
    return myself;
  }
}
