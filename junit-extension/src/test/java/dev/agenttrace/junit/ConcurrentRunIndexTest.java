package dev.agenttrace.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.report.ReportIndex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four JVMs finishing at once against one report folder: each is started with the test class path, held behind a
 * barrier (a go line on its standard input, sent to all once all are ready), then writes its records and rebuilds
 * the index after each one. The index that remains lists every test of every JVM exactly once, and no temporary
 * file is left behind.
 */
class ConcurrentRunIndexTest {
  private static final int JVMS = 4;
  private static final int TESTS_PER_JVM = 10;
  private static final Pattern ROW = Pattern.compile("<tr class=\"passed\"><td>([^<]*)</td><td>([^<]*)</td>");

  @TempDir
  Path folder;

  @Test
  void fourJvmsEndingTogetherLeaveOneCompleteIndex() throws Exception {
    List<Process> jvms = new ArrayList<>();
    try {
      for (int jvm = 0; jvm < JVMS; jvm++) {
        jvms.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), IndexWritingJvm.class.getName(), folder.toString(),
            "run-1", String.valueOf(jvm), String.valueOf(TESTS_PER_JVM))
            .redirectError(ProcessBuilder.Redirect.INHERIT).start());
      }
      for (Process jvm : jvms) {
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        assertThat(CompletableFuture.supplyAsync(() -> readLine(out)).get(120, TimeUnit.SECONDS)).isEqualTo("ready");
      }
      for (Process jvm : jvms) {
        OutputStream in = jvm.getOutputStream();
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
      }
      for (Process jvm : jvms) {
        assertThat(jvm.waitFor(120, TimeUnit.SECONDS)).as("the JVM ends within two minutes").isTrue();
        assertThat(jvm.exitValue()).isZero();
      }
    } finally {
      jvms.forEach(Process::destroyForcibly);
    }

    String index = Files.readString(folder.resolve(ReportIndex.FILE_NAME));
    List<String> rows = new ArrayList<>();
    Matcher row = ROW.matcher(index);
    while (row.find()) {
      rows.add(row.group(1) + "." + row.group(2));
    }
    List<String> expected = new ArrayList<>();
    for (int jvm = 0; jvm < JVMS; jvm++) {
      for (int test = 0; test < TESTS_PER_JVM; test++) {
        expected.add("com.example.Fork" + jvm + "Test.test" + test);
      }
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
    assertThat(index).contains(JVMS * TESTS_PER_JVM + " agent tests, 0 failed").endsWith("</html>\n");
    try (Stream<Path> files = Files.walk(folder)) {
      assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
    }
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
