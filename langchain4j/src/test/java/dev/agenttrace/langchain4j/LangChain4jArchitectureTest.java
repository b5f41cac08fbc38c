package dev.agenttrace.langchain4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
 * The adapter's layering: it writes spans only through core's one span writer, uses only core's model, trace and
 * capture packages (never the runtime, assertions, golden or report), knows nothing of JUnit, and only two classes are
 * public: the entry point and its service factory.
 */
class LangChain4jArchitectureTest {
  private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.agenttrace.langchain4j");

  @Test
  void spansAreWrittenOnlyThroughTheCoreSpanWriter() {
    Set<String> writing = Set.of("spanBuilder", "startSpan", "setAttribute", "setAllAttributes", "addEvent",
        "addLink", "setStatus", "recordException", "updateName", "end");
    DescribedPredicate<JavaMethodCall> writesASpan = DescribedPredicate.describe("starts a span or writes to one",
        call -> writing.contains(call.getName()) && Stream.of(Tracer.class, SpanBuilder.class, Span.class)
            .anyMatch(call.getTargetOwner()::isAssignableTo));
    noClasses().should().callMethodWhere(writesASpan)
        .because("framework spans are convention spans, spelled in one place: dev.agenttrace.trace.SpanWriter")
        .check(MAIN_CLASSES);
  }

  @Test
  void usesOnlyTheModelTraceAndCaptureOfCore() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.agenttrace.runtime..",
        "dev.agenttrace.assertions..", "dev.agenttrace.golden..", "dev.agenttrace.report..", "dev.agenttrace.stubs..",
        "dev.agenttrace.junit..", "org.junit..")
        .check(MAIN_CLASSES);
  }

  @Test
  void onlyTheEntryPointAndItsFactoryArePublic() {
    classes().that().arePublic().and().areTopLevelClasses()
        .should().haveSimpleName("LangChain4jTracing").orShould().haveSimpleName("LangChain4jTracingFactory")
        .check(MAIN_CLASSES);
  }
}
