package dev.agenttrace.springai;

import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.ChatSpan;
import io.micrometer.observation.Observation;
import io.opentelemetry.context.Context;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * A chat model call written as a {@code chat {model}} span: the prompt was recorded at the start; at the end the
 * response (with this call's own usage, see {@link ToolLoop}) or the error. The reply's tool calls become pending in
 * the call's {@link ToolLoop}, where the tool observations that run them find their call ids.
 */
final class ChatObservation implements TracedObservation {
  private final ChatSpan span;
  private final String requestModel;
  private final ToolLoop loop;
  private final AgentObservation agent;

  ChatObservation(ChatSpan span, String requestModel, ToolLoop loop, AgentObservation agent) {
    this.span = span;
    this.requestModel = requestModel;
    this.loop = loop;
    this.agent = agent;
  }

  @Override
  public Context context() {
    return span.context();
  }

  @Override
  public void end(Observation.Context observation) {
    ChatModelObservationContext chat = (ChatModelObservationContext) observation;
    if (observation.getError() != null) {
      span.fail(observation.getError());
      return;
    }
    ChatResponse response = chat.getResponse();
    if (response == null) {
      span.end();
      return;
    }
    var reported = response.getMetadata() == null ? null : response.getMetadata().getUsage();
    Usage usage = loop.callUsage(chat.getRequest(), reported);
    span.end(SpringAiMessages.response(response, usage, requestModel));
    if (agent != null) {
      agent.add(usage);
    }
    AssistantMessage reply = toolCallingReply(response);
    if (reply != null) {
      List<ToolCall> toolCalls = SpringAiMessages.toolCalls(reply);
      loop.replied(reply, reported, toolCalls);
    }
  }

  /** The reply Spring AI's tool calling continues: the first generation with tool calls, else the first one. */
  private static AssistantMessage toolCallingReply(ChatResponse response) {
    for (Generation generation : response.getResults()) {
      if (generation.getOutput() != null && generation.getOutput().hasToolCalls()) {
        return generation.getOutput();
      }
    }
    Generation first = response.getResult();
    return first == null ? null : first.getOutput();
  }
}
