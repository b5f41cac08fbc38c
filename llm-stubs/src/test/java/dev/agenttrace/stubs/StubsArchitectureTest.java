package dev.agenttrace.stubs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
 * The layering of llm-stubs: the in-process stubs ({@code dev.agenttrace.stubs}) know nothing of HTTP; the HTTP
 * stubs build on them; no main code depends on JUnit; no package cycles; spans are written only through core's one
 * span writer ({@code dev.agenttrace.trace.SpanWriter}).
 */
class StubsArchitectureTest {
  private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.agenttrace.stubs");

  @Test
  void inProcessStubsDoNotDependOnTheHttpLayer() {
    noClasses().that().resideInAPackage("dev.agenttrace.stubs")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.agenttrace.stubs.http..", "dev.agenttrace.stubs.openai..", "dev.agenttrace.stubs.anthropic..",
            "dev.agenttrace.stubs.gemini..", "com.github.tomakehurst..", "org.wiremock..")
        .check(MAIN_CLASSES);
  }

  @Test
  void mainCodeDoesNotDependOnJUnit() {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.junit..").check(MAIN_CLASSES);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.agenttrace.stubs.(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
  }

  @Test
  void spansAreWrittenOnlyThroughTheCoreSpanWriter() {
    Set<String> writing = Set.of("spanBuilder", "startSpan", "setAttribute", "setAllAttributes", "addEvent",
        "addLink", "setStatus", "recordException", "updateName", "end");
    DescribedPredicate<JavaMethodCall> writesASpan = DescribedPredicate.describe("starts a span or writes to one",
        call -> writing.contains(call.getName()) && Stream.of(Tracer.class, SpanBuilder.class, Span.class)
            .anyMatch(call.getTargetOwner()::isAssignableTo));
    noClasses().should().callMethodWhere(writesASpan)
        .because("the stub-observed chat span is written by core's SpanWriter, like every convention span")
        .check(MAIN_CLASSES);
  }
}
