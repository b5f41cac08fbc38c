package dev.agenttrace.capture;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Records where a span was started: the caller's stack, without the OpenTelemetry SDK and capture frames, as
 * {@code at ...} lines. Walking the stack costs microseconds per span, which is why it is opt-in.
 */
final class StartSites {
  private static final int MAX_FRAMES = 16;
  private static final StackWalker WALKER = StackWalker.getInstance();
  private static final List<String> CAPTURE_INTERNALS = Stream.of(
      StartSites.class, OpenSpanTracker.class, SpanSink.class, ScopeRoutingProcessor.class)
      .map(Class::getName).toList();

  private StartSites() {}

  static String current() {
    return WALKER.walk(frames -> frames
        .filter(frame -> !isInfrastructure(frame.getClassName()))
        .limit(MAX_FRAMES)
        .map(frame -> "at " + frame.toStackTraceElement())
        .collect(Collectors.joining("\n")));
  }

  private static boolean isInfrastructure(String className) {
    return className.startsWith("io.opentelemetry.sdk.")
        || className.startsWith("io.opentelemetry.api.")
        || className.startsWith("io.opentelemetry.context.")
        || CAPTURE_INTERNALS.stream().anyMatch(className::startsWith);
  }
}
