package dev.agenttrace.benchmarks;

import dev.agenttrace.benchmarks.WeatherFixture.Wiring;
import dev.agenttrace.trace.AgentTrace;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of one weather-agent run: the LLM asks for {@code get_weather}, the tool runs, a second LLM call answers
 * (2 segments, 2 chat spans, 1 tool span). Scores are microseconds per run.
 *
 * <p>Baseline {@link #plainLoop}: the same agent logic calling {@code LlmStub} and {@code ToolStubs} directly — no
 * harness, no tracing. Compared: {@link #harnessNoopOtel} (journal and replay only), {@link #harnessWithCapture}
 * (wired like {@code @AgentTest}, plus the {@code run.trace()} snapshot a test asserts on) and
 * {@link #harnessFreshPerTest} (everything a test scope creates — clock, capture SDK, stubs and their script,
 * harness — built and closed for every run).
 *
 * <p>The stubs record every request and the harness every run, so the first three variants replace their
 * {@link WeatherFixture} (stubs, script, harness, capture) every {@value #RUNS_PER_FIXTURE} runs; that amortized
 * set-up cost is in all three equally.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HarnessRunBenchmark {
  static final int RUNS_PER_FIXTURE = 256;

  private WeatherFixture fixture;
  private int runsLeft;

  /** Checks once per trial that every wiring really runs the two-segment weather conversation. */
  @Setup
  public void verifyScenario() {
    try (WeatherFixture plain = new WeatherFixture(Wiring.PLAIN);
        WeatherFixture noop = new WeatherFixture(Wiring.HARNESS_NOOP_OTEL);
        WeatherFixture captured = new WeatherFixture(Wiring.HARNESS_WITH_CAPTURE)) {
      check("plain answer", plain.runPlain().equals(WeatherFixture.ANSWER));
      check("harness answer", noop.runHarness().equals(WeatherFixture.ANSWER));
      WeatherFixture.Outcome outcome = captured.runAndSnapshot();
      check("captured answer", outcome.answer().equals(WeatherFixture.ANSWER));
      AgentTrace trace = outcome.trace();
      check("2 segments, 2 chat spans, 1 tool span", trace.segments().size() == 2 && trace.llmCalls().size() == 2
          && trace.toolInvocations().size() == 1 && trace.size() == 5);
    }
  }

  /** Closes the current fixture. */
  @TearDown
  public void tearDown() {
    if (fixture != null) {
      fixture.close();
    }
  }

  /** Baseline: the agent logic straight against the stubs. */
  @Benchmark
  public void plainLoop(Blackhole sink) {
    sink.consume(fixture(Wiring.PLAIN).runPlain());
  }

  /** The harness on the default no-op OpenTelemetry: segments, journal and replay, spans discarded. */
  @Benchmark
  public void harnessNoopOtel(Blackhole sink) {
    sink.consume(fixture(Wiring.HARNESS_NOOP_OTEL).runHarness());
  }

  /** The harness wired to a {@code TraceCapture} like {@code @AgentTest}, plus the trace snapshot. */
  @Benchmark
  public void harnessWithCapture(Blackhole sink) {
    sink.consume(fixture(Wiring.HARNESS_WITH_CAPTURE).runAndSnapshot());
  }

  /** A whole test's worth of AgentTrace work (JUnit itself excluded): set up, run, snapshot, close. */
  @Benchmark
  public void harnessFreshPerTest(Blackhole sink) {
    try (WeatherFixture test = new WeatherFixture(Wiring.HARNESS_WITH_CAPTURE)) {
      sink.consume(test.runAndSnapshot());
    }
  }

  private WeatherFixture fixture(Wiring wiring) {
    if (runsLeft-- == 0) {
      tearDown();
      fixture = new WeatherFixture(wiring);
      runsLeft = RUNS_PER_FIXTURE - 1;
    }
    return fixture;
  }

  private static void check(String what, boolean holds) {
    if (!holds) {
      throw new IllegalStateException("Weather scenario broken: expected " + what);
    }
  }
}
