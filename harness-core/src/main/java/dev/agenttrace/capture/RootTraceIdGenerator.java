package dev.agenttrace.capture;

import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.sdk.trace.IdGenerator;
import java.util.function.Supplier;

/**
 * Generates random ids, except that while {@link #withTraceId} runs on a thread, root spans started on that thread
 * get the given trace id. The SDK asks for a trace id only for spans without a valid parent, so only roots are
 * affected. The override lives in an instance {@link ThreadLocal}: two captures never see each other's override.
 */
final class RootTraceIdGenerator implements IdGenerator {
  private final IdGenerator random = IdGenerator.random();
  private final ThreadLocal<String> override = new ThreadLocal<>();

  <T> T withTraceId(String traceIdHex, Supplier<T> action) {
    if (!TraceId.isValid(traceIdHex)) {
      throw new IllegalArgumentException(
          "Not a valid trace id (32 lower-case hex characters, not all zero): '" + traceIdHex + "'");
    }
    String previous = override.get();
    override.set(traceIdHex);
    try {
      return action.get();
    } finally {
      if (previous == null) {
        override.remove();
      } else {
        override.set(previous);
      }
    }
  }

  @Override
  public String generateSpanId() {
    return random.generateSpanId();
  }

  @Override
  public String generateTraceId() {
    String fixed = override.get();
    return fixed != null ? fixed : random.generateTraceId();
  }
}
