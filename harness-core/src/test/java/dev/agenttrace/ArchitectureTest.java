package dev.agenttrace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The package layering of harness-core, enforced: {@code llm ← trace ← capture ← runtime ← assertions}, and
 * {@code golden}, {@code report} and {@code otlp} on top of {@code trace} with nothing depending on them; no cycles between packages;
 * no main code on JUnit; {@code GlobalOpenTelemetry} only in the opt-in installer.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.agenttrace");

  @Test
  void layersOnlyDependDownwards() {
    ArchRule layers = layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("llm").definedBy("dev.agenttrace.llm..")
        .layer("trace").definedBy("dev.agenttrace.trace..")
        .layer("capture").definedBy("dev.agenttrace.capture..")
        .layer("runtime").definedBy("dev.agenttrace.runtime..")
        .layer("assertions").definedBy("dev.agenttrace.assertions..")
        .layer("golden").definedBy("dev.agenttrace.golden..")
        .layer("report").definedBy("dev.agenttrace.report..")
        .layer("otlp").definedBy("dev.agenttrace.otlp..")
        .whereLayer("golden").mayNotBeAccessedByAnyLayer()
        .whereLayer("assertions").mayNotBeAccessedByAnyLayer()
        .whereLayer("report").mayNotBeAccessedByAnyLayer()
        .whereLayer("otlp").mayNotBeAccessedByAnyLayer()
        .whereLayer("runtime").mayOnlyBeAccessedByLayers("assertions")
        .whereLayer("capture").mayOnlyBeAccessedByLayers("runtime", "assertions")
        .whereLayer("trace").mayOnlyBeAccessedByLayers("capture", "runtime", "assertions", "golden", "report", "otlp")
        .whereLayer("llm").mayOnlyBeAccessedByLayers(
            "trace", "capture", "runtime", "assertions", "golden", "report", "otlp");
    layers.check(MAIN_CLASSES);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.agenttrace.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(MAIN_CLASSES);
  }

  @Test
  void mainCodeDoesNotDependOnJunit() {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.junit..")
        .allowEmptyShould(true).check(MAIN_CLASSES);
  }

  @Test
  void onlyTheGlobalCaptureInstallerTouchesGlobalOpenTelemetry() {
    noClasses().that().doNotHaveFullyQualifiedName("dev.agenttrace.capture.GlobalCaptureInstaller")
        .should().accessClassesThat().haveFullyQualifiedName("io.opentelemetry.api.GlobalOpenTelemetry")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("io.opentelemetry.api.GlobalOpenTelemetry")
        .allowEmptyShould(true).check(MAIN_CLASSES);
  }
}
