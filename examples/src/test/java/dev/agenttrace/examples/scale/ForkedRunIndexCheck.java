package dev.agenttrace.examples.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Checks what the examples' {@code forked-run} Surefire execution left in {@code target/forked-run}: the agent
 * tests ran two forks at a time with a fresh JVM per test class ({@code reuseForks=false}), all writing into one
 * report folder. The run index must list every agent test of the run (every test that wrote a trace file) exactly
 * once, every link must resolve, and every report and trace file must have been published through the JUnit
 * Platform: present in a fork's output folder and listed in that fork's Open Test Reporting XML.
 *
 * <p>Not a {@code *Test}: only the {@code forked-run-check} execution runs it, after the forked run (see the pom).
 */
class ForkedRunIndexCheck {
  private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]*)\">open</a>");
  private final Path run = Path.of(System.getProperty("forked.run.dir", "target/forked-run"));

  @Test
  void theIndexListsEveryAgentTestOfTheForkedRunExactlyOnce() throws IOException {
    List<String> traced = relativeNames(run.resolve("agenttrace-traces"), ".trace.txt");
    Assumptions.assumeFalse(traced.isEmpty(), "the forked run ran no agent test (a -Dtest filter?)");
    Path reports = run.resolve("agenttrace-reports");
    String index = Files.readString(reports.resolve("index.html"));

    List<String> listed = new ArrayList<>();
    Matcher link = LINK.matcher(index);
    while (link.find()) {
      String href = URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
      assertThat(reports.resolve(href)).as("the report linked as %s", href).isRegularFile();
      listed.add(href.substring(0, href.length() - ".html".length()));
    }
    assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(traced);
    assertThat(index).contains(traced.size() + " agent tests, ").doesNotContain("other test run");
  }

  @Test
  void everyForkPublishedItsReportsAndTraceFilesThroughTheJunitPlatform() throws IOException {
    List<String> traced = relativeNames(run.resolve("agenttrace-traces"), ".trace.txt");
    Assumptions.assumeFalse(traced.isEmpty(), "the forked run ran no agent test (a -Dtest filter?)");
    List<Path> openTestReports = files(run.resolve("junit-platform"), "open-test-report.xml");
    long testClasses = traced.stream().map(test -> test.substring(0, test.indexOf('/'))).distinct().count();
    assertThat(openTestReports).as("one Open Test Reporting XML per fork, a fork per test class")
        .hasSizeGreaterThanOrEqualTo((int) testClasses);
    StringBuilder listedFiles = new StringBuilder();
    for (Path xml : openTestReports) {
      listedFiles.append(Files.readString(xml));
    }
    for (String test : traced) {
      String method = test.substring(test.lastIndexOf('/') + 1);
      for (String published : List.of(method + ".html", method + ".trace.txt")) {
        List<Path> copies = files(run.resolve("junit-platform"), published);
        assertThat(copies).as("published copies of %s's %s", test, published).isNotEmpty();
        assertThat(copies).anySatisfy(copy -> assertThat(listedFiles.toString())
            .contains(openTestReportPath(copy, openTestReports) + "\""));
      }
    }
  }

  /** The path of {@code copy} as its fork's Open Test Reporting XML names it (relative to the XML's folder). */
  private static String openTestReportPath(Path copy, List<Path> openTestReports) {
    return openTestReports.stream().map(Path::getParent).filter(copy::startsWith).findFirst()
        .map(root -> root.relativize(copy).toString()).orElse(copy.toString());
  }

  private static List<String> relativeNames(Path folder, String suffix) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(file -> file.getFileName().toString().endsWith(suffix))
          .map(file -> folder.relativize(file).toString().replace('\\', '/'))
          .map(name -> name.substring(0, name.length() - suffix.length())).sorted().toList();
    }
  }

  private static List<Path> files(Path folder, String name) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(file -> file.getFileName().toString().equals(name)).toList();
    }
  }
}
