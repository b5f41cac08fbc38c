package dev.agenttrace.benchmarks;

import static dev.agenttrace.trace.SpanConventions.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.golden.GoldenComparison;
import dev.agenttrace.golden.GoldenMode;
import dev.agenttrace.golden.GoldenResult;
import dev.agenttrace.golden.GoldenTraces;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.GenAiJson;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.time.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of golden traces on a large trace: {@value #SPANS} spans (2,000 segments, each with two LLM calls, a tool
 * call and a step, messages and tool JSON recorded). {@link #normalizeAndCompare} is what a test pays after it
 * ran: normalize the trace, redact, render the canonical YAML, read the golden file, compare the texts.
 * Baseline {@link #jacksonSerialize}: Jackson writing the same spans (name, kind, parent, all attributes) as JSON —
 * the cheapest faithful dump of a trace. Scores are milliseconds per trace.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GoldenBenchmark {
  static final int SPANS = 10_000;
  private static final int SEGMENTS = SPANS / 5;

  private final ObjectMapper mapper = new ObjectMapper();
  private AgentTrace trace;
  private GoldenTraces golden;
  private GoldenTraces structural;
  private Path directory;

  /** Builds the trace and writes its golden once per trial. */
  @Setup
  public void setUp() throws IOException {
    trace = largeTrace();
    if (trace.size() != SPANS) {
      throw new IllegalStateException("expected " + SPANS + " spans but built " + trace.size());
    }
    directory = Files.createTempDirectory("golden-benchmark");
    golden = GoldenTraces.builder().directory(directory).mode(GoldenMode.VERIFY).environment(name -> null)
        .reporter(message -> { }).build().forTest("GoldenBenchmark", "largeTrace");
    if (golden.assertMatches(trace).status() != GoldenResult.Status.WRITTEN) {
      throw new IllegalStateException("the golden should have been written");
    }
    structural = GoldenTraces.builder().directory(directory).mode(GoldenMode.VERIFY).environment(name -> null)
        .comparison(GoldenComparison.STRUCTURAL).build().forTest("GoldenBenchmark", "largeTrace");
  }

  /** Removes the golden folder. */
  @TearDown
  public void tearDown() throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Normalize, render and compare with the golden file (which matches: the texts are equal). */
  @Benchmark
  public GoldenResult normalizeAndCompare() {
    return golden.assertMatches(trace);
  }

  /**
   * The slow path, taken on a mismatch, with ignored fields or in structural mode: the golden file is also parsed
   * (SnakeYAML) and both documents are projected and re-rendered before comparing.
   */
  @Benchmark
  public GoldenResult normalizeAndCompareStructural() {
    return structural.assertMatches(trace);
  }

  /** Baseline: Jackson serializes the same spans. */
  @Benchmark
  public String jacksonSerialize() throws JsonProcessingException {
    ArrayNode spans = mapper.createArrayNode();
    for (TraceSpan span : trace.spans()) {
      ObjectNode node = spans.addObject();
      node.put("name", span.name());
      node.put("kind", span.kind().name());
      node.put("parent", span.parentSpanId().orElse(null));
      ObjectNode attributes = node.putObject("attributes");
      span.attributes().forEach((key, value) -> attributes.putPOJO(key.getKey(), value));
    }
    return mapper.writeValueAsString(spans);
  }

  private static AgentTrace largeTrace() {
    TestClock clock = TestClock.create();
    try (TraceCapture capture = TraceCapture.builder().clock(clock).build()) {
      Tracer tracer = capture.tracer("golden-benchmark");
      for (int index = 0; index < SEGMENTS; index++) {
        Span segment = tracer.spanBuilder(agentSegmentName("support")).setNoParent()
            .setAttribute(GEN_AI_OPERATION_NAME, OP_INVOKE_AGENT).setAttribute(GEN_AI_AGENT_NAME, "support")
            .setAttribute(EXECUTION_ID, "exec-" + index / 2).setAttribute(SEGMENT_INDEX, (long) (index % 2))
            .startSpan();
        ToolCall call = new ToolCall("call_" + index, "lookup_order", "{\"order\":\"A-" + index + "\",\"full\":true}");
        chat(tracer, segment, clock, List.of(Message.user("Where is order A-" + index + "?")),
            Message.assistant("", List.of(call)), FinishReason.TOOL_CALL);
        Span tool = child(tracer, segment, toolSpanName("lookup_order")).setAttribute(GEN_AI_OPERATION_NAME,
            OP_EXECUTE_TOOL).setAttribute(GEN_AI_TOOL_NAME, "lookup_order").setAttribute(GEN_AI_TOOL_CALL_ID,
            call.id()).setAttribute(GEN_AI_TOOL_CALL_ARGUMENTS, call.arguments()).startSpan();
        clock.advance(Duration.ofMillis(3));
        tool.setAttribute(GEN_AI_TOOL_CALL_RESULT, "{\"status\":\"shipped\",\"eta\":\"2 days\",\"items\":[1,2,3]}");
        tool.end();
        Span step = child(tracer, segment, stepSpanName("record")).setAttribute(STEP_NAME, "record")
            .setAttribute(STEP_KEY, index + ":step:record").startSpan();
        step.setAttribute(STEP_RESULT, "recorded " + index);
        step.end();
        chat(tracer, segment, clock, List.of(Message.user("Where is order A-" + index + "?"),
            Message.toolResult(call, "{\"status\":\"shipped\"}")), Message.assistant("Order A-" + index
            + " has shipped and arrives in 2 days."), FinishReason.STOP);
        segment.addEvent(EVENT_COMPLETE, Attributes.empty());
        segment.setAttribute(SEGMENT_OUTCOME, "completed");
        segment.end();
      }
      return capture.trace();
    }
  }

  private static void chat(Tracer tracer, Span segment, TestClock clock, List<Message> input, Message output,
      FinishReason reason) {
    Span chat = child(tracer, segment, chatSpanName("gpt-4o")).setSpanKind(SpanKind.CLIENT).startSpan();
    ChatResponse response = new ChatResponse("resp", "gpt-4o-2024-08-06", output, reason, Usage.of(120, 30));
    chat.setAttribute(GEN_AI_OPERATION_NAME, OP_CHAT);
    chat.setAttribute(GEN_AI_PROVIDER_NAME, "openai");
    chat.setAttribute(GEN_AI_REQUEST_MODEL, "gpt-4o");
    chat.setAttribute(GEN_AI_RESPONSE_MODEL, response.model());
    chat.setAttribute(GEN_AI_RESPONSE_FINISH_REASONS, List.of(reason.wireValue()));
    chat.setAttribute(GEN_AI_USAGE_INPUT_TOKENS, 120L);
    chat.setAttribute(GEN_AI_USAGE_OUTPUT_TOKENS, 30L);
    chat.setAttribute(GEN_AI_INPUT_MESSAGES, GenAiJson.inputMessages(input));
    chat.setAttribute(GEN_AI_OUTPUT_MESSAGES, GenAiJson.outputMessages(response));
    clock.advance(Duration.ofMillis(5));
    chat.end();
  }

  private static SpanBuilder child(Tracer tracer, Span parent, String name) {
    return tracer.spanBuilder(name).setParent(Context.root().with(parent));
  }
}
