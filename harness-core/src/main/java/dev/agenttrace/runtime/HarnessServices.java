package dev.agenttrace.runtime;

import dev.agenttrace.llm.LlmClient;
import dev.agenttrace.llm.ToolExecutor;
import dev.agenttrace.trace.SpanWriter;
import dev.agenttrace.trace.TraceSource;

/** What every run of one harness shares: the ports, the span writer, the clock and the journal. */
record HarnessServices(
    LlmClient llm, ToolExecutor tools, SpanWriter spans, VirtualClock clock, Journal journal,
    RootTraceIds rootTraceIds, TraceSource traces) {

  LlmClient requireLlm() {
    if (llm == null) {
      throw new IllegalStateException("The agent called ctx.chat(...) but the harness has no LLM. "
          + "Pass one with AgentHarness.builder().llm(...); in an @AgentTest, the injected LlmStub is wired in.");
    }
    return llm;
  }

  ToolExecutor requireTools() {
    if (tools == null) {
      throw new IllegalStateException("The agent called ctx.callTools(...) but the harness has no tools. "
          + "Pass them with AgentHarness.builder().tools(...); in an @AgentTest, the injected ToolStubs are wired in.");
    }
    return tools;
  }
}
