package dev.agenttrace.trace;

/** What an agent span stands for, as classified from its attributes by {@link SpanConventions#categorize}. */
public enum SpanCategory {
  /** An execution segment of an agent ({@code invoke_agent}). */
  AGENT_SEGMENT,
  /** An execution segment of a workflow ({@code invoke_workflow}). */
  WORKFLOW_SEGMENT,
  /** A call to a chat model ({@code chat}, {@code text_completion}, {@code generate_content}). */
  LLM_CALL,
  /** A tool execution ({@code execute_tool}). */
  TOOL_CALL,
  /** A journaled workflow step. */
  STEP,
  /** Any other span (HTTP, database, user code ...). */
  OTHER;

  public boolean isSegment() {
    return this == AGENT_SEGMENT || this == WORKFLOW_SEGMENT;
  }
}
