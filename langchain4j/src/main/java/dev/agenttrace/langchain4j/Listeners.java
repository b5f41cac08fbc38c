package dev.agenttrace.langchain4j;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import java.util.ArrayList;
import java.util.List;

/** A model's listeners with the tracing listener added once. */
final class Listeners {
  private Listeners() {}

  static List<ChatModelListener> with(List<ChatModelListener> existing, ChatModelListener tracing) {
    List<ChatModelListener> listeners = new ArrayList<>(existing == null ? List.of() : existing);
    if (!listeners.contains(tracing)) {
      listeners.add(tracing);
    }
    return List.copyOf(listeners);
  }
}
