package dev.agenttrace.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Reports and trace files travel through the JUnit Platform: run through a real Launcher with Open Test Reporting
 * on, each agent test's files land in its folder under the Platform's output directory and are listed in the XML.
 */
class PlatformFilesTest {
  @TempDir
  Path dir;

  @Test
  void theReportAndTheTraceFileArePublishedIntoTheOutputDirectoryAndListedInOpenTestReporting() throws Exception {
    Path output = dir.resolve("junit-platform");
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(ReportSupportTest.AnotherAgentTest.class))
        .configurationParameter("junit.platform.reporting.open.xml.enabled", "true")
        .configurationParameter("junit.platform.reporting.output.dir", output.toString())
        .configurationParameter(ReportSupport.DIR_PARAMETER, dir.resolve("reports").toString())
        .configurationParameter(ExtensionSettings.TRACE_DIR_PARAMETER, dir.resolve("traces").toString())
        .build(), summary);
    assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);

    String testClass = ReportSupportTest.AnotherAgentTest.class.getName();
    Path report = dir.resolve("reports").resolve(testClass).resolve("answersToo.html");
    Path trace = dir.resolve("traces").resolve(testClass).resolve("answersToo.trace.txt");
    Path publishedReport = onlyFileNamed(output, "answersToo.html");
    Path publishedTrace = onlyFileNamed(output, "answersToo.trace.txt");
    assertThat(publishedReport).hasSameBinaryContentAs(report);
    assertThat(publishedTrace).hasSameBinaryContentAs(trace);

    Path xml = onlyFileNamed(output, "open-test-report.xml");
    String openTestReport = Files.readString(xml);
    assertThat(openTestReport)
        .contains(xml.getParent().relativize(publishedReport).toString() + "\"")
        .contains(xml.getParent().relativize(publishedTrace).toString() + "\"")
        .contains("text/html; charset=UTF-8").contains("text/plain; charset=UTF-8");
  }

  private static Path onlyFileNamed(Path root, String name) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> found = files.filter(file -> file.getFileName().toString().equals(name)).toList();
      assertThat(found).as("files named %s under %s", name, root).hasSize(1);
      return found.get(0);
    }
  }
}
