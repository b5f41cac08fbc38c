package dev.agenttrace.capture;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.function.Supplier;

/**
 * The one place in AgentTrace that touches {@code GlobalOpenTelemetry}, for the opt-in global mode: installs a
 * {@link SharedCapture}'s SDK as the JVM's global instance, and finds that capture again through the global
 * instance itself (its propagators point back to it), so AgentTrace keeps no static state of its own. Global state
 * is never reset; any other global instance makes the install fail with an explanation instead of silently
 * capturing nothing.
 */
final class GlobalCaptureInstaller {
  private GlobalCaptureInstaller() {}

  /** The capture installed as the global instance, or a new one from {@code create}, installed now. */
  static SharedCapture installedOrNew(Supplier<SharedCapture> create) {
    synchronized (GlobalOpenTelemetry.class) {
      SharedCapture installed = installed();
      if (installed != null) {
        return installed;
      }
      SharedCapture capture = create.get();
      install(capture);
      return capture;
    }
  }

  /** Installs {@code capture} as the global instance; a no-op when it already is. */
  static OpenTelemetry install(SharedCapture capture) {
    synchronized (GlobalOpenTelemetry.class) {
      if (installed() != capture) {
        try {
          GlobalOpenTelemetry.set(capture.openTelemetry());
        } catch (IllegalStateException alreadySet) {
          throw alreadyGlobal(alreadySet);
        }
      }
      return capture.openTelemetry();
    }
  }

  /** The shared capture whose SDK is global; {@code null} when none is, or another instance is. */
  private static SharedCapture installed() {
    return GlobalOpenTelemetry.isSet() && GlobalOpenTelemetry.getPropagators() instanceof OwnedPropagators owned
        ? owned.owner()
        : null;
  }

  private static IllegalStateException alreadyGlobal(Throwable cause) {
    return new IllegalStateException("Cannot install AgentTrace's shared capture as GlobalOpenTelemetry: another "
        + "OpenTelemetry instance is already global (an earlier SharedCapture, the OpenTelemetry Java agent, SDK "
        + "autoconfiguration, or code calling GlobalOpenTelemetry.get() before the install). Install one "
        + "SharedCapture once per JVM, before anything reads GlobalOpenTelemetry, or hand a TraceCapture's "
        + "openTelemetry() to the code under test instead.", cause);
  }
}
