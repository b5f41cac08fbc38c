package dev.agenttrace.springai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import org.junit.jupiter.api.Test;

/**
 * The adapter writes spans only through core's one span writer, never touches {@code GlobalOpenTelemetry} itself (the
 * Spring Boot mode asks core's {@code SharedCapture.global()}), depends on no JUnit, and its core package knows
 * nothing of Spring Boot.
 */
class SpringAiArchitectureTest {
  private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.agenttrace.springai");

  @Test
  void spansAreWrittenOnlyThroughTheCoreSpanWriter() {
    noClasses().should().callMethod(Tracer.class, "spanBuilder", String.class)
        .orShould().dependOnClassesThat().belongToAnyOf(Span.class, SpanBuilder.class)
        .because("framework adapters write convention spans through core's SpanWriter, like every producer")
        .check(MAIN_CLASSES);
  }

  @Test
  void neverTouchesGlobalOpenTelemetryOrJUnit() {
    noClasses().should().dependOnClassesThat().haveFullyQualifiedName("io.opentelemetry.api.GlobalOpenTelemetry")
        .orShould().dependOnClassesThat().resideInAPackage("org.junit..")
        .check(MAIN_CLASSES);
  }

  @Test
  void theAdapterDoesNotDependOnSpringBoot() {
    noClasses().that().resideInAPackage("dev.agenttrace.springai")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.boot..", "dev.agenttrace.springai.boot..")
        .check(MAIN_CLASSES);
  }
}
