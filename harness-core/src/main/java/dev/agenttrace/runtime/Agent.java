package dev.agenttrace.runtime;

/**
 * An agent or workflow under test: plain Java against {@link AgentContext}. The runtime may call {@link #run} more
 * than once for one execution — after every wait it re-runs the agent from the top and answers every operation
 * already journaled from the journal — so everything non-deterministic must go through the context.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface Agent<I, O> {

  O run(AgentContext ctx, I input) throws Exception;

  /** The name recorded as {@code gen_ai.agent.name}; defaults to the simple class name. */
  default String name() {
    String simpleName = getClass().getSimpleName();
    return simpleName.isEmpty() || simpleName.contains("$$Lambda") || simpleName.contains("$Lambda")
        ? "agent"
        : simpleName;
  }

  /** Whether this is an agent ({@code invoke_agent} segments) or a workflow ({@code invoke_workflow}). */
  default ExecutionKind kind() {
    return ExecutionKind.AGENT;
  }
}
