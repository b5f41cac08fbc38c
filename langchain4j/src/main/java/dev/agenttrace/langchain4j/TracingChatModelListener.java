package dev.agenttrace.langchain4j;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.trace.ChatSpan;
import dev.agenttrace.trace.SpanWriter;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import io.opentelemetry.context.Context;

/**
 * Writes a {@code chat {model}} span per model call LangChain4j makes: started when the request is sent (under the
 * current context, e.g. the AI service's agent span), ended with the response or the error. The span travels from
 * request to response in LangChain4j's per-call attributes, so streaming calls that finish on another thread work.
 */
final class TracingChatModelListener implements ChatModelListener {
  private static final String SPAN = TracingChatModelListener.class.getName() + ".span";

  private final SpanWriter writer;
  private final OpenAgents agents;

  TracingChatModelListener(SpanWriter writer, OpenAgents agents) {
    this.writer = writer;
    this.agents = agents;
  }

  @Override
  public void onRequest(ChatModelRequestContext context) {
    ChatRequest request = ChatConversion.request(context.chatRequest());
    Context parent = Context.current();
    context.attributes().put(SPAN, new OpenChat(
        writer.startChat(parent, request, ProviderNames.of(context.modelProvider())), parent, request.model()));
  }

  @Override
  public void onResponse(ChatModelResponseContext context) {
    if (context.attributes().remove(SPAN) instanceof OpenChat chat) {
      ChatResponse response = ChatConversion.response(context.chatResponse(), chat.model());
      agents.addUsage(chat.parent(), response.usage());
      chat.span().end(response);
    }
  }

  @Override
  public void onError(ChatModelErrorContext context) {
    if (context.attributes().remove(SPAN) instanceof OpenChat chat) {
      chat.span().fail(context.error());
    }
  }

  private record OpenChat(ChatSpan span, Context parent, String model) {}
}
