package dev.agenttrace.junit;

import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.report.ReportIndex;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.report.RunRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One JVM of {@link ConcurrentRunIndexTest}: says {@code ready}, waits for the go line on its standard input (the
 * barrier), then writes its tests' reports and records, rebuilding the folder's index after each one exactly as a
 * JVM ending its part of the run does.
 *
 * <p>Arguments: report folder, run id, JVM number, tests per JVM.
 */
final class IndexWritingJvm {
  private IndexWritingJvm() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    String runId = args[1];
    int jvm = Integer.parseInt(args[2]);
    int tests = Integer.parseInt(args[3]);
    System.out.println("ready");
    System.out.flush();
    String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (!"go".equals(go)) {
      throw new IllegalStateException("expected the go line but read " + go);
    }
    for (int test = 0; test < tests; test++) {
      String testClass = "com.example.Fork" + jvm + "Test";
      Path report = folder.resolve(testClass).resolve("test" + test + ".html");
      Files.createDirectories(report.getParent());
      Files.writeString(report, "<!DOCTYPE html>");
      new RunRecord(runId, new ReportIndex.Entry(testClass, "test" + test, ReportInfo.Status.PASSED, 2, 2, 1, 10,
          Duration.ofMillis(test), report)).write(RedactionPolicy.defaults());
      new ReportSupport.RunIndex(folder, runId, RedactionPolicy.defaults()).close();
    }
  }
}
