package dev.agenttrace.stubs;

import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.redaction.RedactionPolicy;

/**
 * Thrown by {@link ToolStubs#execute} for a call no stubbing answers: an unknown tool or arguments that match none
 * of the tool's conditional stubbings. An {@link AssertionError}, so the test fails instead of the agent treating
 * it as a tool failure. The message lists the call, the stubbed tools, the closest name when the call looks like a
 * typo, and the stubbing to add.
 */
public final class UnstubbedToolError extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient ToolCall call;

  UnstubbedToolError(String message, ToolCall call) {
    // the message shows the request and goes to CI logs: the one redaction policy applies to it
    super(RedactionPolicy.defaults().redactPlainText(message));
    this.call = call;
  }

  /** The call no stubbing answered (null after deserialization). */
  public ToolCall call() {
    return call;
  }
}
