package dev.agenttrace.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.agenttrace.files.AtomicFiles;
import dev.agenttrace.golden.GoldenMode;
import dev.agenttrace.golden.GoldenTraces;
import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.report.ReportIndex;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.report.RunRecord;
import dev.agenttrace.trace.AgentTrace;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the first tests of a fresh JVM cost, phase by phase: the work a weather-agent {@code @AgentTest} does, done
 * {@code n} times in a row on one thread in a new JVM — run the agent on a fresh capture (its own SDK), compare the
 * golden, write the trace file, the HTML report and the run record. Prints the thread CPU of each phase, the CPU per
 * test for each block of 100 tests (the warm-up curve), and the process CPU, which adds what the JIT compilers spent.
 *
 * <p>A 1,000-test suite runs mostly cold code: JMH's steady-state scores do not show what it pays, this does. The
 * goldens live in {@code -Dcold.golden=<dir>} (written on the first run, compared on later ones); files go to a new
 * folder under {@code -Dcold.dir} (default {@code /tmp}). It prints by design.
 *
 * <pre>
 * java -Dcold.golden=/tmp/cold-golden -cp benchmarks/target/benchmarks.jar dev.agenttrace.benchmarks.ColdPhases 1000
 * java ... ColdPhases 1000 run,golden      # only these phases (run, golden, text, report)
 * </pre>
 */
public final class ColdPhases {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<String, Long> cpuByPhase = new LinkedHashMap<>();

  private ColdPhases() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: ColdPhases <tests> [phases: run,golden,text,report (default: all)]");
      System.exit(2);
    }
    int tests = Integer.parseInt(args[0]);
    Set<String> phases = args.length > 1 ? Set.of(args[1].split(",")) : Set.of("run", "golden", "text", "report");
    new ColdPhases().measure(tests, phases);
  }

  private void measure(int tests, Set<String> phases) throws IOException {
    Path dir = Files.createTempDirectory(Path.of(System.getProperty("cold.dir", "/tmp")), "cold-phases");
    Path goldens = Path.of(System.getProperty("cold.golden", dir.resolve("golden").toString()));
    RedactionPolicy redaction = RedactionPolicy.defaults();
    StringBuilder curve = new StringBuilder("CPU per test, by 100 tests:");
    long start = System.nanoTime();
    long blockStart = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < tests; i++) {
      if (i > 0 && i % 100 == 0) {
        long now = threads.getCurrentThreadCpuTime();
        curve.append(String.format(" %.1f", (now - blockStart) / 1e8));
        blockStart = now;
      }
      String testClass = "Weather" + (i % 100) + "Test";
      String test = "answers" + i;
      AgentTrace trace = time("run", () -> {
        try (WeatherFixture fixture = new WeatherFixture(WeatherFixture.Wiring.HARNESS_WITH_CAPTURE)) {
          return fixture.runAndSnapshot().trace();
        }
      });
      if (phases.contains("golden")) {
        time("golden", () -> GoldenTraces.builder().directory(goldens).mode(GoldenMode.VERIFY)
            .environment(name -> null).reporter(message -> { }).redaction(redaction).build()
            .forTest(testClass, test).compare(trace));
      }
      if (phases.contains("text")) {
        time("traceText", () -> AtomicFiles.write(dir.resolve("traces").resolve(testClass).resolve(test + ".txt"),
            test + "\n" + trace.toTreeString(redaction, null)));
      }
      if (phases.contains("report")) {
        Path report = time("report", () -> HtmlReport.write(trace, ReportInfo.titled(testClass + " · " + test)
            .withStatus(ReportInfo.Status.PASSED), redaction, dir.resolve("reports").resolve(testClass)
            .resolve(test + ".html")));
        time("record", () -> new RunRecord("run", ReportIndex.Entry.of(testClass, test, ReportInfo.Status.PASSED,
            trace, report)).write(redaction));
      }
    }
    long wall = System.nanoTime() - start;
    System.out.println(curve.append(" ms"));
    long total = 0;
    for (Map.Entry<String, Long> phase : cpuByPhase.entrySet()) {
      System.out.printf("%-10s %8.1f ms thread CPU%n", phase.getKey(), phase.getValue() / 1e6);
      total += phase.getValue();
    }
    long process = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    System.out.printf("%-10s %8.1f ms thread CPU, %8.1f ms wall; process CPU %8.1f ms (JIT and GC included)%n",
        "total", total / 1e6, wall / 1e6, process / 1e6);
  }

  private <T> T time(String phase, Supplier<T> work) {
    long before = threads.getCurrentThreadCpuTime();
    T result = work.get();
    cpuByPhase.merge(phase, threads.getCurrentThreadCpuTime() - before, Long::sum);
    return result;
  }
}
