package dev.agenttrace.langchain4j;

import dev.agenttrace.trace.SpanWriter;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.observability.api.event.AiServiceCompletedEvent;
import dev.langchain4j.observability.api.event.AiServiceErrorEvent;
import dev.langchain4j.observability.api.event.AiServiceStartedEvent;
import dev.langchain4j.observability.api.listener.AiServiceCompletedListener;
import dev.langchain4j.observability.api.listener.AiServiceErrorListener;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.observability.api.listener.AiServiceStartedListener;
import dev.langchain4j.service.tool.BeforeToolExecution;
import dev.langchain4j.service.tool.ToolExecution;
import io.opentelemetry.context.Context;
import java.util.List;

/**
 * An {@code invoke_agent {service}} segment per AI-service call, from LangChain4j's AI-service events (started,
 * completed, error), and the tool spans of its tool executions under it, from the service's tool hooks.
 */
final class AiServiceSpans {
  private final SpanWriter writer;
  private final OpenAgents agents;
  private final ToolCalls tools;

  AiServiceSpans(SpanWriter writer, OpenAgents agents, ToolCalls tools) {
    this.writer = writer;
    this.agents = agents;
    this.tools = tools;
  }

  List<AiServiceListener<?>> listeners() {
    AiServiceStartedListener started = this::started;
    AiServiceCompletedListener completed = event -> agents.complete(event.invocationContext().invocationId());
    AiServiceErrorListener failed = this::failed;
    return List.of(started, completed, failed);
  }

  void beforeTool(BeforeToolExecution execution) {
    Context parent = agents.get(execution.invocationContext().invocationId())
        .map(OpenAgents.OpenAgent::context)
        .orElseGet(Context::current);
    tools.started(parent, execution.request());
  }

  void afterTool(ToolExecution execution) {
    tools.finished(execution);
  }

  private void started(AiServiceStartedEvent event) {
    InvocationContext invocation = event.invocationContext();
    ModelProvider provider = invocation.modelProvider();
    agents.open(invocation.invocationId(), writer.agentSegment(serviceName(invocation.interfaceName()))
        .provider(ProviderNames.of(provider))
        .execution("langchain4j:" + invocation.invocationId(), 0)
        .start());
  }

  private void failed(AiServiceErrorEvent event) {
    agents.fail(event.invocationContext().invocationId(), event.error());
  }

  /** The AI service interface's simple name ({@code com.acme.Outer$WeatherAssistant} → {@code WeatherAssistant}). */
  static String serviceName(String interfaceName) {
    if (interfaceName == null || interfaceName.isEmpty()) {
      return "ai_service";
    }
    int cut = Math.max(interfaceName.lastIndexOf('.'), interfaceName.lastIndexOf('$'));
    return interfaceName.substring(cut + 1);
  }
}
