package dev.agenttrace.junit;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.files.AtomicFiles;
import dev.agenttrace.otlp.OtlpJson;
import dev.agenttrace.otlp.export.ExportResult;
import dev.agenttrace.otlp.export.OtlpExport;
import dev.agenttrace.otlp.receiver.OtlpReceiver;
import dev.agenttrace.trace.AgentTrace;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * OTLP in and out of an agent test, with the optional {@code agenttrace-otlp} artifact on the test class path: the
 * injectable {@link OtlpReceiver} (started on first use, its spans joining the test's capture, stopped with the
 * test), export of each test's trace when {@value #ENDPOINT_PARAMETER} is set (headers from the environment
 * variable named by {@value #HEADERS_ENV_PARAMETER}, default {@code OTEL_EXPORTER_OTLP_HEADERS}, never written
 * anywhere), and an OTLP JSON file per test beside its report when {@value #FILE_PARAMETER}{@code =true}. Both
 * outputs go through the run's redaction policy. A failed export is a {@code java.util.logging} warning and the
 * report entry {@code agenttrace.export}, never a failed test. This class is loaded only when one of these is
 * used, so the extension runs without the artifact.
 */
final class OtlpSupport {
  static final String ENDPOINT_PARAMETER = "agenttrace.export.otlp.endpoint";
  static final String HEADERS_ENV_PARAMETER = "agenttrace.export.otlp.headers-env";
  static final String FILE_PARAMETER = "agenttrace.export.otlp.file";
  static final String RECEIVER_TYPE = "dev.agenttrace.otlp.receiver.OtlpReceiver";
  private static final Logger WARNINGS = Logger.getLogger(OtlpSupport.class.getName());
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OtlpSupport.class);

  private OtlpSupport() {}

  /** Whether the test asks for anything OTLP after it ran: export, or a file. */
  static boolean wantedAfterTest(ExtensionSettings settings) {
    return settings.parameter(ENDPOINT_PARAMETER).isPresent()
        || settings.parameter(FILE_PARAMETER).map(Boolean::parseBoolean).orElse(false);
  }

  /** A receiver whose spans join {@code capture}. */
  static AutoCloseable startReceiver(TraceCapture capture) {
    requireArtifact();
    return OtlpReceiver.start(capture);
  }

  /** Exports the test's trace and writes its OTLP JSON file, as configured; a down backend only warns. */
  static void afterTest(ExtensionContext context, PerTestContext test, AgentTrace trace) {
    requireArtifact();
    ExtensionSettings settings = test.settings();
    TestIdentity identity = test.identity();
    if (settings.parameter(FILE_PARAMETER).map(Boolean::parseBoolean).orElse(false)) {
      String name = test.reportFile().getFileName().toString().replaceFirst("\\.html$", ".otlp.json");
      Path file = OtlpJson.writer().transformingText(settings.redaction()::redactValue)
          .write(trace, test.reportFile().resolveSibling(name));
      context.publishReportEntry("agenttrace.otlp.file", file.toString());
    }
    Optional<String> endpoint = settings.parameter(ENDPOINT_PARAMETER);
    if (endpoint.isPresent()) {
      OtlpExport export = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(OtlpExport.class,
          type -> OtlpExport.builder().endpoint(endpoint.get()).redaction(settings.redaction())
              .headersFromEnvironment(settings.parameter(HEADERS_ENV_PARAMETER).orElse("OTEL_EXPORTER_OTLP_HEADERS"))
              .build(),
          OtlpExport.class);
      ExportResult result = export.export(trace, new dev.agenttrace.otlp.export.TestIdentity(identity.className(),
          identity.methodName(), identity.displayName(), identity.uniqueId()));
      context.publishReportEntry("agenttrace.export", result.message());
      if (!result.isSuccess()) {
        WARNINGS.warning(result.message());   // java.util.logging: users route or silence it as they like
      }
    }
  }

  private static void requireArtifact() {
    try {
      Class.forName(RECEIVER_TYPE, false, OtlpSupport.class.getClassLoader());
    } catch (ClassNotFoundException missing) {
      throw new IllegalStateException("OTLP needs the artifact dev.agenttrace:agenttrace-otlp on the test class path "
          + "(add it with <scope>test</scope>, version from agenttrace-bom)", missing);
    }
  }
}
