package dev.agenttrace.springai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import java.util.Set;
import java.util.stream.Stream;
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
    Set<String> writing = Set.of("spanBuilder", "startSpan", "setAttribute", "setAllAttributes", "addEvent",
        "addLink", "setStatus", "recordException", "updateName", "end");
    DescribedPredicate<JavaMethodCall> writesASpan = DescribedPredicate.describe("starts a span or writes to one",
        call -> writing.contains(call.getName()) && Stream.of(Tracer.class, SpanBuilder.class, Span.class)
            .anyMatch(call.getTargetOwner()::isAssignableTo));
    noClasses().should().callMethodWhere(writesASpan)
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
