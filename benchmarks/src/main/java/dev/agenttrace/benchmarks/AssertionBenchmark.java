package dev.agenttrace.benchmarks;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.trace.SpanConventions.GEN_AI_OPERATION_NAME;
import static dev.agenttrace.trace.SpanConventions.GEN_AI_TOOL_NAME;
import static dev.agenttrace.trace.SpanConventions.OP_CHAT;
import static dev.agenttrace.trace.SpanConventions.OP_EXECUTE_TOOL;
import static dev.agenttrace.trace.SpanConventions.OP_INVOKE_AGENT;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.ToolInvocation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a trace assertion costs on a large trace: a selection ({@code toolCalls().named("tool_7").hasSize(500)})
 * plus an order check ({@code toolCalls().containsInOrder(...)}) on a 10,000-span trace, against the same two
 * questions answered with a plain Java stream filter and loop over the same spans. The trace is built once per
 * trial with the real SDK and {@link TraceCapture}: one agent segment holding 5,000 chat spans and 4,999 tool spans
 * ({@code tool_0} … {@code tool_9} in turn).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AssertionBenchmark {
  static final int SPANS = 10_000;
  private static final List<String> ORDER = List.of("tool_1", "tool_3", "tool_5", "tool_7", "tool_9", "tool_0");

  private AgentTrace trace;

  @Setup(Level.Trial)
  public void buildTrace() {
    try (TraceCapture capture = TraceCapture.create()) {
      Tracer tracer = capture.openTelemetry().getTracer("assertion-benchmark");
      Span segment = tracer.spanBuilder("invoke_agent bench")
          .setAttribute(GEN_AI_OPERATION_NAME, OP_INVOKE_AGENT).startSpan();
      Context parent = Context.root().with(segment);
      for (int i = 0; i < SPANS - 1; i++) {
        boolean chat = i % 2 == 0;
        String tool = "tool_" + (i / 2) % 10;
        tracer.spanBuilder(chat ? "chat gpt-4o" : "execute_tool " + tool).setParent(parent)
            .setAttribute(GEN_AI_OPERATION_NAME, chat ? OP_CHAT : OP_EXECUTE_TOOL)
            .setAttribute(GEN_AI_TOOL_NAME, chat ? null : tool)
            .startSpan().end();
      }
      segment.end();
      trace = capture.trace();
    }
    if (trace.size() != SPANS) {
      throw new IllegalStateException("expected " + SPANS + " spans, got " + trace.size());
    }
  }

  @Benchmark
  public Object assertions() {
    assertThat(trace).toolCalls().named("tool_7").hasSize(500);
    return assertThat(trace).toolCalls().containsInOrder(ORDER.toArray(String[]::new));
  }

  @Benchmark
  public Object plainStreams() {
    long count = trace.toolInvocations().stream().filter(tool -> tool.name().equals("tool_7")).count();
    if (count != 500) {
      throw new AssertionError(count);
    }
    List<String> names = trace.toolInvocations().stream().map(ToolInvocation::name).toList();
    int next = 0;
    for (String name : names) {
      if (next < ORDER.size() && ORDER.get(next).equals(name)) {
        next++;
      }
    }
    if (next != ORDER.size()) {
      throw new AssertionError(next);
    }
    return names;
  }
}
