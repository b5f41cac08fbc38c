package dev.agenttrace.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.Set;

/**
 * A {@link ChatModel} with one more listener: LangChain4j's own {@code chat} merges the defaults and calls the
 * listeners (the model's and the tracing one), then this model's {@code doChat} calls the wrapped model's. For models
 * built elsewhere (a Spring bean, a shared fixture) whose builder a test cannot reach.
 */
final class TracedChatModel implements ChatModel {
  private final ChatModel delegate;
  private final List<ChatModelListener> listeners;

  TracedChatModel(ChatModel delegate, ChatModelListener tracing) {
    this.delegate = delegate;
    this.listeners = Listeners.with(delegate.listeners(), tracing);
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    return delegate.doChat(request);
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return delegate.defaultRequestParameters();
  }

  @Override
  public List<ChatModelListener> listeners() {
    return listeners;
  }

  @Override
  public ModelProvider provider() {
    return delegate.provider();
  }

  @Override
  public Set<Capability> supportedCapabilities() {
    return delegate.supportedCapabilities();
  }
}
