package dev.agenttrace.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the first {@value #CALLS} chat calls of a fresh JVM cost through each HTTP stub, against plain WireMock serving
 * the same bytes: the stretch a test suite actually lives in, where most of the code still runs interpreted or in
 * C1. Each fork starts a new JVM, starts the servers (one setup call each, as {@link HttpStubBenchmark} does) and times
 * the next {@value #CALLS} calls as one shot; the score is the time of those calls, so divide by {@value #CALLS} for
 * a call.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1, batchSize = HttpStubColdBenchmark.CALLS)
@Fork(10)
public class HttpStubColdBenchmark {
  static final int CALLS = 200;

  @Benchmark
  public Object plainWireMockCold(HttpStubBenchmark stubs) {
    return stubs.plainWireMock();
  }

  @Benchmark
  public Object openAiStubCold(HttpStubBenchmark stubs) {
    return stubs.openAiStub();
  }

  @Benchmark
  public Object plainWireMockResponsesCold(HttpStubBenchmark stubs) {
    return stubs.plainWireMockResponses();
  }

  @Benchmark
  public Object openAiStubResponsesCold(HttpStubBenchmark stubs) {
    return stubs.openAiStubResponses();
  }

  @Benchmark
  public Object plainWireMockGeminiCold(HttpStubBenchmark stubs) {
    return stubs.plainWireMockGemini();
  }

  @Benchmark
  public Object geminiStubCold(HttpStubBenchmark stubs) {
    return stubs.geminiStub();
  }
}
