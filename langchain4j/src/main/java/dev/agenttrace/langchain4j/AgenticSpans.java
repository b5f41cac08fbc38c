package dev.agenttrace.langchain4j;

import dev.agenttrace.trace.SpanWriter;
import dev.langchain4j.agentic.observability.AfterAgentToolExecution;
import dev.langchain4j.agentic.observability.AgentInvocationError;
import dev.langchain4j.agentic.observability.AgentListener;
import dev.langchain4j.agentic.observability.AgentRequest;
import dev.langchain4j.agentic.observability.AgentResponse;
import dev.langchain4j.agentic.observability.BeforeAgentToolExecution;
import dev.langchain4j.agentic.planner.AgentInstance;
import io.opentelemetry.context.Context;
import java.util.Optional;

/**
 * An {@code invoke_agent {agent}} segment per agent invocation in a {@code langchain4j-agentic} system (sequence,
 * parallel, loop, supervisor and their sub-agents), nested as the agents are, and the tool spans of each agent's
 * tool executions under it. Inherited by sub-agents, so registering it on the top agent covers the system.
 */
final class AgenticSpans implements AgentListener {
  private final SpanWriter writer;
  private final OpenAgents agents;
  private final ToolCalls tools;

  AgenticSpans(SpanWriter writer, OpenAgents agents, ToolCalls tools) {
    this.writer = writer;
    this.agents = agents;
    this.tools = tools;
  }

  @Override
  public void beforeAgentInvocation(AgentRequest request) {
    AgentInstance agent = request.agent();
    Context parent = Optional.ofNullable(agent.parent())
        .flatMap(this::open)
        .map(OpenAgents.OpenAgent::context)
        .orElseGet(Context::current);
    agents.open(key(agent), writer.agentSegment(agent.name()).parent(parent)
        .provider("langchain4j")
        .execution("langchain4j-agentic:" + agent.agentId() + "@" + System.identityHashCode(request), 0)
        .start());
  }

  @Override
  public void afterAgentInvocation(AgentResponse response) {
    agents.complete(key(response.agent()));
  }

  @Override
  public void onAgentInvocationError(AgentInvocationError error) {
    agents.fail(key(error.agent()), error.error());
  }

  @Override
  public void beforeAgentToolExecution(BeforeAgentToolExecution execution) {
    Context parent = open(execution.agentInstance()).map(OpenAgents.OpenAgent::context).orElseGet(Context::current);
    tools.started(parent, execution.toolExecution().request());
  }

  @Override
  public void afterAgentToolExecution(AfterAgentToolExecution execution) {
    tools.finished(execution.toolExecution());
  }

  @Override
  public boolean inheritedBySubagents() {
    return true;
  }

  private Optional<OpenAgents.OpenAgent> open(AgentInstance agent) {
    return agents.get(key(agent));
  }

  /** An agent instance is invoked once at a time within one system; its id names it among its siblings. */
  private static Object key(AgentInstance agent) {
    return new AgentKey(agent.agentId());
  }

  private record AgentKey(String agentId) {}
}
