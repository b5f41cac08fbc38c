package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Execution;

/**
 * Assertions on the durable executions of a trace, or a selection of them; names are agent (or workflow) names.
 */
public class ExecutionsAssert extends AbstractSelectionAssert<ExecutionsAssert, Execution, ExecutionAssert> {

  public ExecutionsAssert(TraceSelection<Execution> actual) {
    super(actual, ExecutionsAssert.class);
  }

  @Override
  protected ExecutionsAssert newSelectionAssert(TraceSelection<Execution> selection) {
    return new ExecutionsAssert(selection);
  }

  @Override
  protected ExecutionAssert newElementAssert(Execution element) {
    return new ExecutionAssert(element, trace());
  }

  @Override
  protected Class<ExecutionAssert> elementAssertType() {
    return ExecutionAssert.class;
  }

  @Override
  protected Class<Execution> elementType() {
    return Execution.class;
  }

  static TraceSelection<Execution> of(AgentTrace trace) {
    return TraceSelection.of(trace, "execution", trace.executions(), Execution::span, Execution::name);
  }
}
