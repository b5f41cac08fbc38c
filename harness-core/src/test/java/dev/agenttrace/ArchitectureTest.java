package dev.agenttrace;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The package layering of harness-core, enforced: {@code llm ← trace ← capture ← runtime ← assertions}, and
 * {@code golden}, {@code report} and {@code otlp} on top of {@code trace} with nothing depending on them;
 * {@code redaction} at the bottom, usable by every package and using only the JDK and Jackson; no cycles between
 * packages; no main code on JUnit; {@code GlobalOpenTelemetry} only in the opt-in installer; convention spans
 * started, written and ended only by the one span writer ({@code trace.SpanWriter} and its handles).
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
        .layer("redaction").definedBy("dev.agenttrace.redaction..")
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
  void redactionUsesOnlyTheJdkAndJackson() {
    classes().that().resideInAPackage("dev.agenttrace.redaction..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.agenttrace.redaction..", "java..",
            "com.fasterxml.jackson..")
        .check(MAIN_CLASSES);
  }

  @Test
  void jsonUsesOnlyTheJdkAndJackson() {
    classes().that().resideInAPackage("dev.agenttrace.json..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.agenttrace.json..", "java..",
            "com.fasterxml.jackson..")
        .check(MAIN_CLASSES);
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

  @Test
  void onlyTheSpanWriterStartsAndWritesSpans() {
    noClasses().that(are(not(SPAN_WRITER)))
        .should().callMethodWhere(WRITES_A_SPAN)
        .because("every convention span is started, written and ended by trace.SpanWriter and its handles "
            + "(DESIGN §3, one writer)")
        .check(MAIN_CLASSES);
    assertThat(noClasses().that(are(SPAN_WRITER)).should().callMethodWhere(WRITES_A_SPAN)
        .evaluate(MAIN_CLASSES).hasViolation()).as("the rule recognises the writer's own span calls").isTrue();
  }

  /** The span writer of dev.agenttrace.trace: the facade and the handles it returns. */
  static final DescribedPredicate<JavaClass> SPAN_WRITER = DescribedPredicate.describe("the span writer",
      type -> type.getPackageName().equals("dev.agenttrace.trace")
          && type.getName().matches(".*\\.(SpanWriter|WrittenSpan|OperationSpan|SegmentSpan|ChatSpan|ToolSpan"
              + "|StepSpan)(\\$.*)?"));

  /** A call that starts a span or writes to one (names, attributes, events, links, status, end). */
  static final DescribedPredicate<JavaMethodCall> WRITES_A_SPAN = DescribedPredicate.describe(
      "starts a span or writes to one", call -> {
        JavaClass owner = call.getTarget().getOwner();
        boolean spanType = owner.isAssignableTo(Tracer.class) || owner.isAssignableTo(SpanBuilder.class)
            || owner.isAssignableTo(Span.class);
        return spanType && Set.of("spanBuilder", "startSpan", "setAttribute", "setAllAttributes", "addEvent",
            "addLink", "setStatus", "recordException", "updateName", "end").contains(call.getName());
      });
}
