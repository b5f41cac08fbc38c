package dev.agenttrace.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.redaction.RedactionPolicy;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportIndexTest {
  private static final RedactionPolicy POLICY = RedactionPolicy.defaults();
  private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
  private static final Pattern ROW = Pattern.compile("<tr class=\"(passed|failed|aborted|unknown)\"><td>([^<]*)"
      + "</td><td>([^<]*)</td>");

  @TempDir
  Path dir;

  @Test
  void aRecordRoundTripsBesideItsReport() {
    ReportIndex.Entry entry = entry(dir, "com.example.WeatherTest", "answers \"quoted\" <b>", ReportInfo.Status.FAILED);

    Path file = new RunRecord("run-1", entry).write(POLICY);

    assertThat(file).isEqualTo(dir.resolve("com.example.WeatherTest/answers.record.json"));
    assertThat(RunRecord.read(file)).isEqualTo(new RunRecord("run-1", entry));
  }

  @Test
  void theIndexListsOnlyTheRecordsOfItsRunAndCountsTheOthers() throws Exception {
    record(dir, "run-a", "com.example.ATest", "one", ReportInfo.Status.PASSED);
    record(dir, "run-a", "com.example.BTest", "two", ReportInfo.Status.FAILED);
    record(dir, "run-old", "com.example.CTest", "gone", ReportInfo.Status.PASSED);

    String html = Files.readString(ReportIndex.rebuild(dir, "run-a", POLICY));

    assertThat(rows(html)).containsExactly("passed com.example.ATest one", "failed com.example.BTest two");
    assertThat(html).contains("2 agent tests, 1 failed")
        .contains("1 report in this folder is from another test run and is not listed");
  }

  @Test
  void aRecordThatIsNotOneIsExplained() throws Exception {
    Path file = Files.createDirectories(dir.resolve("com.example.ATest")).resolve("x" + RunRecord.SUFFIX);
    Files.writeString(file, "{\"format\":99}");

    assertThatThrownBy(() -> ReportIndex.rebuild(dir, "run", POLICY))
        .hasMessageContaining("Not an AgentTrace run record").hasMessageContaining(file.toString());
  }

  @Test
  void aRecordThatIsNotJsonOrLacksAFieldIsExplained() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("com.example.ATest"));
    Path broken = folder.resolve("broken" + RunRecord.SUFFIX);
    Files.writeString(broken, "{\"format\":1,\"run\":");
    assertThatThrownBy(() -> RunRecord.read(broken))
        .hasMessageContaining("Could not read the run record " + broken);

    Path noClass = folder.resolve("no-class" + RunRecord.SUFFIX);
    Files.writeString(noClass, "{\"format\":1,\"run\":\"r\",\"class\":7,\"test\":\"t\",\"status\":\"passed\"}");
    assertThatThrownBy(() -> RunRecord.read(noClass))
        .hasMessage("The run record " + noClass + " has no text field 'class'; delete it and run the tests again");
  }

  @Test
  void aRecordReadsBackAsWritten() throws Exception {
    Path report = Files.createDirectories(dir.resolve("com.example.ATest")).resolve("one.html");
    ReportIndex.Entry entry = new ReportIndex.Entry("com.example.ATest", "one", ReportInfo.Status.FAILED, 3, 2, 1,
        12_345_678_901L, java.time.Duration.ofNanos(987_654_321_012L), report);
    Path file = new RunRecord("run-7", entry).write(POLICY);

    assertThat(file).isEqualTo(RunRecord.fileFor(report));
    assertThat(RunRecord.read(file)).isEqualTo(new RunRecord("run-7", entry));
  }

  @Test
  void mergingTwoFoldersWritesOneIndexWhoseLinksAllResolve() throws Exception {
    Path moduleA = dir.resolve("module-a/target/agenttrace-reports");
    Path shard = dir.resolve("shards/shard 2/agenttrace-reports");
    record(moduleA, "run-1", "com.example.ATest", "one", ReportInfo.Status.PASSED);
    record(moduleA, "run-1", "com.example.ATest", "two", ReportInfo.Status.FAILED);
    record(shard, "run-2", "com.example.B$Nested", "three", ReportInfo.Status.PASSED);
    Path output = dir.resolve("target/agenttrace-all");

    Path index = MergeReportIndexes.run("--output", output.toString(), moduleA.toString(), shard.toString());

    String html = Files.readString(index);
    assertThat(rows(html)).containsExactly("passed com.example.ATest one", "failed com.example.ATest two",
        "passed com.example.B$Nested three");
    List<String> links = links(html);
    assertThat(links).hasSize(3).allSatisfy(link -> assertThat(link).startsWith("../../"));
    assertThat(links).allSatisfy(link -> assertThat(Path.of(index.getParent().toUri().resolve(new URI(link))))
        .isRegularFile());
  }

  @Test
  void mergingTakesEachFoldersLatestRunUnlessToldOtherwise() throws Exception {
    Path old = record(dir, "run-old", "com.example.ATest", "old", ReportInfo.Status.PASSED);
    Files.setLastModifiedTime(RunRecord.fileFor(old), java.nio.file.attribute.FileTime.fromMillis(0));
    record(dir, "run-new", "com.example.ATest", "fresh", ReportInfo.Status.PASSED);

    assertThat(rows(Files.readString(ReportIndex.merge(dir.resolve("out"), List.of(dir), false, POLICY))))
        .containsExactly("passed com.example.ATest fresh");
    assertThat(rows(Files.readString(ReportIndex.merge(dir.resolve("out"), List.of(dir), true, POLICY))))
        .containsExactly("passed com.example.ATest fresh", "passed com.example.ATest old");
  }

  @Test
  void aSecretInATestNameReachesNeitherItsRecordNorTheIndexNorAMergedIndex() throws Exception {
    String secret = "sk-proj-Q7vT2mX9pL4wR8nB3kD6fH1jS5aZ0cYe";
    record(dir, "run-1", "com.example.ATest", "answers [1] " + secret, ReportInfo.Status.FAILED);
    Path foreign = Files.createDirectories(dir.resolve("com.example.BTest")).resolve("asks" + RunRecord.SUFFIX);
    Files.writeString(foreign, "{\"format\":1,\"run\":\"run-1\",\"class\":\"com.example.BTest\",\"test\":\"asks "
        + secret + "\",\"status\":\"passed\",\"report\":\"asks.html\"}");

    String index = Files.readString(ReportIndex.rebuild(dir, "run-1", POLICY));
    String merged = Files.readString(ReportIndex.merge(dir.resolve("merged"), List.of(dir), false, POLICY));

    assertThat(Files.readString(RunRecord.fileFor(dir.resolve("com.example.ATest/answers.html"))))
        .contains("answers [1] [REDACTED]").doesNotContain(secret);
    assertThat(rows(index)).containsExactly("failed com.example.ATest answers [1] [REDACTED]",
        "passed com.example.BTest asks [REDACTED]");
    assertThat(rows(merged)).isEqualTo(rows(index));
    assertThat(index + merged).doesNotContain(secret).doesNotContain("Q7vT2mX9pL4wR8nB3kD6fH1jS5aZ0cYe");
  }

  @Test
  void badCommandLinesAreExplained() {
    assertThatThrownBy(() -> MergeReportIndexes.run(dir.toString()))
        .hasMessageContaining("Missing --output <folder>");
    assertThatThrownBy(() -> MergeReportIndexes.run("--output", dir.toString(), "--everything"))
        .hasMessageContaining("Unknown option --everything");
    assertThatThrownBy(() -> MergeReportIndexes.run("--output", dir.toString(), dir.resolve("nope").toString()))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> MergeReportIndexes.run("--output", dir.toString(), dir.toString()))
        .hasMessageContaining("holds no run records");
    assertThatThrownBy(() -> MergeReportIndexes.run("--output", dir.toString()))
        .hasMessageContaining("No report folders to merge");
  }

  @Test
  void theMergeRunsAsACommandWithOnlyTheCoreClassesAndJackson() throws Exception {
    Path folder = dir.resolve("reports");
    record(folder, "run-1", "com.example.ATest", "one", ReportInfo.Status.PASSED);
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.endsWith("classes") && !entry.endsWith("test-classes") || entry.contains("jackson"))
        .filter(entry -> !entry.contains("yaml"))
        .collect(Collectors.joining(File.pathSeparator));
    Process merge = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, MergeReportIndexes.class.getName(), "--output", dir.resolve("all").toString(),
        folder.toString()).redirectErrorStream(true).start();
    assertThat(merge.waitFor(60, TimeUnit.SECONDS)).as("the merge ends within a minute").isTrue();
    String output = new String(merge.getInputStream().readAllBytes());

    assertThat(merge.exitValue()).as(output).isZero();
    assertThat(output.strip()).isEqualTo(dir.resolve("all/index.html").toString());
    assertThat(rows(Files.readString(dir.resolve("all/index.html")))).containsExactly("passed com.example.ATest one");
  }

  static Path record(Path folder, String run, String testClass, String method, ReportInfo.Status status)
      throws Exception {
    ReportIndex.Entry entry = entry(folder, testClass, method, status);
    Files.createDirectories(entry.report().getParent());
    Files.writeString(entry.report(), "<!DOCTYPE html>");
    new RunRecord(run, entry).write(POLICY);
    return entry.report();
  }

  private static ReportIndex.Entry entry(Path folder, String testClass, String method, ReportInfo.Status status) {
    String file = method.contains(" ") ? method.substring(0, method.indexOf(' ')) : method;
    return new ReportIndex.Entry(testClass, method, status, 2, 2, 1, 120, Duration.ofMillis(3),
        folder.toAbsolutePath().resolve(testClass).resolve(file + ".html"));
  }

  static List<String> rows(String html) {
    List<String> rows = new ArrayList<>();
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      rows.add(row.group(1) + " " + row.group(2) + " " + row.group(3));
    }
    return rows;
  }

  private static List<String> links(String html) {
    List<String> links = new ArrayList<>();
    Matcher href = HREF.matcher(html);
    while (href.find()) {
      links.add(href.group(1));
    }
    return links;
  }
}
