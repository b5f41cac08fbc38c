package dev.agenttrace.benchmarks;

/**
 * Prints how big the HTML report and the Jackson baseline of {@link ReportBenchmark} are, per span, for the same
 * traces: the "bytes per span" of docs/performance.md. A size, not a timing, so it is a plain program and not a
 * benchmark: {@code java -cp benchmarks/target/benchmarks.jar dev.agenttrace.benchmarks.ReportSizes}.
 */
public final class ReportSizes {
  private ReportSizes() {}

  public static void main(String[] args) {
    System.out.println("| spans | HTML report | chars / span | Jackson | chars / span |");
    System.out.println("|---|---|---|---|---|");
    for (int spans : new int[] {1_000, 10_000}) {
      ReportBenchmark benchmark = new ReportBenchmark();
      benchmark.spans = spans;
      benchmark.captureTrace();
      long report = benchmark.htmlReport().length();
      long json = benchmark.jacksonSpans().length();
      System.out.printf("| %,d | %,d | %d | %,d | %d |%n", spans, report, report / spans, json, json / spans);
    }
  }
}
