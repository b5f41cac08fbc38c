package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Execution;

/**
 * Assertions on the durable executions of a trace, or a selection of them; names are agent (or workflow) names.
 */
public class ExecutionsAssert extends AbstractSelectionAssert<ExecutionsAssert, Execution, ExecutionAssert> {

  /** What this assert selects and which asserts it makes; also behind {@code AgentTraceAssertions}' factory. */
  static final SelectionKind<ExecutionsAssert, Execution, ExecutionAssert> KIND =
      new SelectionKind<>("execution", ExecutionsAssert.class, ExecutionsAssert::new, Execution.class,
          ExecutionAssert.class, ExecutionAssert::new, AgentTrace::executions, Execution::span, Execution::name);

  public ExecutionsAssert(TraceSelection<Execution> actual) {
    super(actual, KIND);
  }
}
