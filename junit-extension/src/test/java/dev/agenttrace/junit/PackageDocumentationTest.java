package dev.agenttrace.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every package of the library (harness-core, llm-stubs, junit-extension) says what it holds, what it may depend on
 * and where to start, in a {@code package-info.java}.
 */
class PackageDocumentationTest {
  private static final JavaClasses LIBRARY = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.agenttrace");

  @Test
  void everyLibraryPackageHasAPackageInfo() {
    Set<String> packages = new TreeSet<>();
    for (JavaClass type : LIBRARY) {
      packages.add(type.getPackageName());
    }
    Set<String> undocumented = new TreeSet<>();
    for (String name : packages) {
      if (LIBRARY.getPackage(name).tryGetPackageInfo().isEmpty()) {
        undocumented.add(name);
      }
    }

    assertThat(packages).contains("dev.agenttrace.trace", "dev.agenttrace.stubs", "dev.agenttrace.junit");
    assertThat(undocumented).as("packages without a package-info.java").isEmpty();
  }
}
