package dev.agenttrace.benchmarks;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import dev.agenttrace.trace.dialect.SpanDialects;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the dialect step at ingestion costs when there is nothing to normalize. The spans are those of one weather-agent
 * run (2 segments, 2 chat spans, 1 tool span) in AgentTrace's conventions. Baseline {@link #buildTrace}: building
 * the model from them ({@code AgentTrace.of}, which includes the dialect step). Compared: the dialect step alone on
 * the spans as AgentTrace's runtime writes them ({@link #normalizeOwnSpans}: skipped by their instrumentation scope),
 * and on the same spans under a foreign scope ({@link #normalizeForeignScopeSpans}: looked at by the pre-filter and
 * the rules, as an instrumented SDK's GenAI spans are), returned untouched in both cases.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DialectNormalizationBenchmark {
  private final SpanDialects dialects = SpanDialects.standard();
  private List<SpanData> ownSpans;
  private List<SpanData> foreignScopeSpans;

  /** Captures one weather-agent run. */
  @Setup
  public void setUp() {
    try (WeatherFixture fixture = new WeatherFixture(WeatherFixture.Wiring.HARNESS_WITH_CAPTURE)) {
      ownSpans = fixture.runAndSnapshot().trace().spans().stream().map(TraceSpan::data).toList();
    }
    foreignScopeSpans = ownSpans.stream().map(span -> (SpanData) new ForeignScope(span)).toList();
    if (dialects.normalize(ownSpans) != ownSpans || dialects.normalize(foreignScopeSpans) != foreignScopeSpans) {
      throw new IllegalStateException("spans in AgentTrace's conventions must pass through untouched");
    }
  }

  /** Baseline: the trace model built from the spans (dialect step included). */
  @Benchmark
  public AgentTrace buildTrace() {
    return AgentTrace.of(ownSpans);
  }

  /** The dialect step on AgentTrace's own spans. */
  @Benchmark
  public Collection<SpanData> normalizeOwnSpans() {
    return dialects.normalize(ownSpans);
  }

  /** The dialect step on conventional spans from another instrumentation scope. */
  @Benchmark
  public Collection<SpanData> normalizeForeignScopeSpans() {
    return dialects.normalize(foreignScopeSpans);
  }

  /** A span of AgentTrace's conventions recorded by another instrumentation. */
  private static final class ForeignScope extends DelegatingSpanData {
    private static final InstrumentationScopeInfo SCOPE = InstrumentationScopeInfo.create("io.opentelemetry.openai");

    ForeignScope(SpanData delegate) {
      super(delegate);
    }

    @Override
    public InstrumentationScopeInfo getInstrumentationScopeInfo() {
      return SCOPE;
    }
  }
}
