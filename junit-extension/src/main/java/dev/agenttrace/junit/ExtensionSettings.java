package dev.agenttrace.junit;

import dev.agenttrace.redaction.RedactionPolicy;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The settings of one test, resolved from (highest first) an explicitly built extension, the {@link AgentTest}
 * annotation on the method or class, and JUnit configuration parameters / system properties.
 */
record ExtensionSettings(boolean globalOpenTelemetry, boolean failOnUnfinishedSpans, boolean recordStartSites,
    boolean golden) {

  static final String START_SITES_PARAMETER = "agenttrace.capture.start-sites";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExtensionSettings.class);

  /**
   * The run's redaction policy: the built-in rules plus {@code agenttrace.redaction.keys}, {@code .patterns} and
   * {@code .allow} (configuration parameters or system properties), read once per run.
   */
  static RedactionPolicy redaction(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RedactionPolicy.class,
        type -> RedactionPolicy.fromSettings(name -> context.getConfigurationParameter(name).orElse(null)),
        RedactionPolicy.class);
  }

  static ExtensionSettings resolve(ExtensionContext context, AgentTraceExtension.Builder explicit) {
    Optional<AgentTest> annotation = AnnotationSupport.findAnnotation(context.getElement(), AgentTest.class)
        .or(() -> context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, AgentTest.class)));
    boolean startSites = context.getConfigurationParameter(START_SITES_PARAMETER, Boolean::parseBoolean)
        .orElse(false);
    if (explicit != null) {
      return new ExtensionSettings(explicit.globalOpenTelemetry, explicit.failOnUnfinishedSpans,
          explicit.recordStartSites || startSites, explicit.golden);
    }
    return new ExtensionSettings(
        annotation.map(AgentTest::globalOpenTelemetry).orElse(false),
        annotation.map(AgentTest::failOnUnfinishedSpans).orElse(true),
        startSites,
        annotation.map(AgentTest::golden).orElse(false));
  }
}
