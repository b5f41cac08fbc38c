package dev.agenttrace.stubs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of llm-stubs: the in-process stubs ({@code dev.agenttrace.stubs}) know nothing of HTTP; the HTTP
 * stubs build on them; no main code depends on JUnit; no package cycles.
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
            "com.github.tomakehurst..", "org.wiremock..")
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
}
