package dev.agenttrace.junit;

import dev.agenttrace.capture.SharedCapture;
import dev.agenttrace.trace.TraceSpan;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * At the end of a test run in global mode, reports the spans the shared SDK could attribute to no test — started
 * outside every test's context, e.g. on a thread pool that does not propagate context — instead of dropping them
 * silently. Kept in the root {@code ExtensionContext.Store}, which closes it when the run ends.
 */
final class UnattributedSpansReport implements AutoCloseable {
  private final SharedCapture shared;
  private final Set<String> alreadyThere;
  private final Consumer<String> sink;

  UnattributedSpansReport(SharedCapture shared, Consumer<String> sink) {
    this.shared = shared;
    this.alreadyThere = shared.unattributedSpans().spans().stream().map(TraceSpan::spanId)
        .collect(Collectors.toUnmodifiableSet());
    this.sink = sink;
  }

  @Override
  public void close() {
    List<TraceSpan> fresh = shared.unattributedSpans().spans().stream()
        .filter(span -> !alreadyThere.contains(span.spanId())).toList();
    if (!fresh.isEmpty()) {
      sink.accept(message(fresh));
    }
  }

  static String message(List<TraceSpan> spans) {
    StringBuilder message = new StringBuilder("AgentTrace: ").append(spans.size())
        .append(spans.size() == 1 ? " span" : " spans")
        .append(" reached GlobalOpenTelemetry outside any test's context and belong to no test:\n");
    for (TraceSpan span : spans) {
      message.append("  - '").append(span.name()).append("' (trace ").append(span.traceId()).append(")\n");
    }
    return message.append("Start them inside the test, or propagate the test's context to the threads that start ")
        .append("them (Context.current().wrap(...) or Context.taskWrapping(executor)).").toString();
  }
}
