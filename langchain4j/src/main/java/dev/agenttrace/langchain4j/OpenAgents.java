package dev.agenttrace.langchain4j;

import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.SegmentSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent segments (AI-service calls, agentic agents) a {@link LangChain4jTracing} has started and not yet ended,
 * by the key their framework names them with and by span id. Each adds up the usage of the chat calls made directly
 * under it, and holds the scope that made it current on the thread that started it.
 */
final class OpenAgents {
  private final Map<Object, OpenAgent> byKey = new ConcurrentHashMap<>();
  private final Map<String, OpenAgent> bySpanId = new ConcurrentHashMap<>();

  /** Registers a started segment under {@code key} and makes it current on this thread until it ends. */
  OpenAgent open(Object key, SegmentSpan segment) {
    OpenAgent agent = new OpenAgent(key, segment, segment.context().makeCurrent(), Thread.currentThread());
    byKey.put(key, agent);
    bySpanId.put(segment.span().getSpanContext().getSpanId(), agent);
    return agent;
  }

  Optional<OpenAgent> get(Object key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** Adds a chat call's usage to the agent whose span is the parent in {@code parent}, if it is one of ours. */
  void addUsage(Context parent, Usage usage) {
    OpenAgent agent = bySpanId.get(Span.fromContext(parent).getSpanContext().getSpanId());
    if (agent != null) {
      agent.inputTokens.addAndGet(usage.inputTokens());
      agent.outputTokens.addAndGet(usage.outputTokens());
    }
  }

  /** Ends the agent under {@code key} as completed; nothing when there is none (it never started). */
  void complete(Object key) {
    remove(key).ifPresent(agent -> agent.end(SegmentOutcome.COMPLETED));
  }

  /** Ends the agent under {@code key} as failed with {@code error}. */
  void fail(Object key, Throwable error) {
    remove(key).ifPresent(agent -> {
      agent.segment.failed(error, error.getClass().getName());
      agent.end(SegmentOutcome.FAILED);
    });
  }

  private Optional<OpenAgent> remove(Object key) {
    OpenAgent agent = byKey.remove(key);
    if (agent != null) {
      bySpanId.remove(agent.segment.span().getSpanContext().getSpanId());
    }
    return Optional.ofNullable(agent);
  }

  /** One open agent segment. */
  static final class OpenAgent {
    private final Object key;
    private final SegmentSpan segment;
    private final Scope scope;
    private final Thread opener;
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();

    private OpenAgent(Object key, SegmentSpan segment, Scope scope, Thread opener) {
      this.key = key;
      this.segment = segment;
      this.scope = scope;
      this.opener = opener;
    }

    /** The context to start this agent's children in. */
    Context context() {
      return segment.context();
    }

    Object key() {
      return key;
    }

    private void end(SegmentOutcome outcome) {
      if (Thread.currentThread() == opener) {
        scope.close(); // a scope can only be closed on its own thread; elsewhere it ends with the thread's work
      }
      segment.end(outcome, Usage.of(inputTokens.get(), outputTokens.get()), 0);
    }
  }
}
