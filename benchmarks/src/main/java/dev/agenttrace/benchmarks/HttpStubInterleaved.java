package dev.agenttrace.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The HTTP stubs' ratios measured paired: one JVM, the plain WireMock call and the stub call of each format run in
 * alternating blocks of {@value #CALLS_PER_BLOCK} calls, so both sides of a ratio see the same machine at the same
 * moment. {@link HttpStubBenchmark} runs each benchmark in its own forks, minutes apart; on a shared two-core machine
 * the drift between those minutes is as large as the difference being measured. The first half of the blocks is
 * warm-up and not counted; the median block time of the second half is the score.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.agenttrace.benchmarks.HttpStubInterleaved [blocks]}</pre>
 */
public final class HttpStubInterleaved {
  private static final int CALLS_PER_BLOCK = 500;
  private static final int DEFAULT_BLOCKS = 60;

  private HttpStubInterleaved() {}

  public static void main(String[] args) throws Exception {
    int blocks = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_BLOCKS;
    HttpStubBenchmark stubs = new HttpStubBenchmark();
    stubs.setUp();
    try {
      Map<String, Callable<Object>> calls = new LinkedHashMap<>();
      calls.put("plainWireMock", stubs::plainWireMock);
      calls.put("openAiStub", stubs::openAiStub);
      calls.put("plainWireMockResponses", stubs::plainWireMockResponses);
      calls.put("openAiStubResponses", stubs::openAiStubResponses);
      calls.put("plainWireMockGemini", stubs::plainWireMockGemini);
      calls.put("geminiStub", stubs::geminiStub);
      Map<String, List<Double>> microsPerCall = new LinkedHashMap<>();
      for (int block = 0; block < blocks; block++) {
        for (Map.Entry<String, Callable<Object>> call : calls.entrySet()) {
          long start = System.nanoTime();
          for (int i = 0; i < CALLS_PER_BLOCK; i++) {
            call.getValue().call();
          }
          double micros = (System.nanoTime() - start) / 1_000.0 / CALLS_PER_BLOCK;
          if (block >= blocks / 2) {
            microsPerCall.computeIfAbsent(call.getKey(), name -> new ArrayList<>()).add(micros);
          }
        }
      }
      print(microsPerCall, "plainWireMock", "openAiStub");
      print(microsPerCall, "plainWireMockResponses", "openAiStubResponses");
      print(microsPerCall, "plainWireMockGemini", "geminiStub");
    } finally {
      stubs.tearDown();
    }
  }

  private static void print(Map<String, List<Double>> microsPerCall, String baseline, String stub) {
    double base = median(microsPerCall.get(baseline));
    double measured = median(microsPerCall.get(stub));
    System.out.printf("%-22s %7.0f us/call   %-20s %7.0f us/call   ratio %.2f%n", baseline, base, stub, measured,
        measured / base);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
