package dev.agenttrace.otlp.export;

/**
 * The outcome of exporting one test's trace: never an exception, so a backend that is down costs the caller a
 * warning to log (with {@link #message()}), not a failed test. The message never contains header values.
 */
public record ExportResult(boolean success, int spans, String endpoint, String message) {
  static ExportResult exported(int spans, String endpoint, String test) {
    return new ExportResult(true, spans, endpoint, "Exported the trace of " + test + " (" + spans + " spans) to "
        + endpoint);
  }

  static ExportResult failed(int spans, String endpoint, String test, String why) {
    return new ExportResult(false, spans, endpoint, "AgentTrace could not export the trace of " + test + " (" + spans
        + " spans) to " + endpoint + ": " + why + ". The test's result is unaffected.");
  }

  /** True when the backend accepted the spans (or there were none to send). */
  public boolean isSuccess() {
    return success;
  }
}
