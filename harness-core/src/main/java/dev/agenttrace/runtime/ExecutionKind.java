package dev.agenttrace.runtime;

/** Whether an execution's segments are recorded as {@code invoke_agent} or {@code invoke_workflow} spans. */
public enum ExecutionKind {
  AGENT,
  WORKFLOW
}
