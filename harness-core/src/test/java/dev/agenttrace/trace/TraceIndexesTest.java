package dev.agenttrace.trace;

import static dev.agenttrace.trace.SpanConventions.GEN_AI_INPUT_MESSAGES;
import static dev.agenttrace.trace.SpanConventions.GEN_AI_OPERATION_NAME;
import static dev.agenttrace.trace.SpanConventions.OP_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The indexes the trace owns: a span's typed view, the segment it ran in, the execution it belongs to. */
class TraceIndexesTest {
  private final TraceFixtures fixtures = new TraceFixtures();

  @AfterEach
  void close() {
    fixtures.capture.close();
  }

  @Test
  void viewOfAnswersTheSameViewInstancesTheListsHold() {
    AgentTrace trace = fixtures.weatherTrace(true, true);
    LlmCall call = trace.llmCalls().get(0);
    ToolInvocation tool = trace.toolInvocations().get(0);
    Step step = trace.steps().get(0);
    Segment segment = trace.segments().get(1);

    assertThat(trace.viewOf(call.span().spanId())).containsSame(call);
    assertThat(trace.viewOf(tool.span().spanId())).containsSame(tool);
    assertThat(trace.viewOf(step.span().spanId())).containsSame(step);
    assertThat(trace.viewOf(segment.span().spanId())).containsSame(segment);
    assertThat(trace.viewOf(call.span().spanId(), LlmCall.class)).containsSame(call);
    assertThat(trace.viewOf(call.span().spanId(), ToolInvocation.class)).isEmpty();
    assertThat(trace.viewOf("0000000000000000")).isEmpty();
  }

  @Test
  void everySpanOfASegmentRunsInItAndBelongsToItsExecution() {
    AgentTrace trace = fixtures.weatherTrace(true, true);
    Segment first = trace.segments().get(0);
    Segment second = trace.segments().get(1);
    Execution execution = trace.executions().get(0);

    assertThat(trace.segmentOf(trace.llmCalls().get(0).span().spanId())).containsSame(first);
    assertThat(trace.segmentOf(trace.toolInvocations().get(0).span().spanId())).containsSame(first);
    assertThat(trace.segmentOf(trace.steps().get(0).span().spanId())).containsSame(second);
    assertThat(trace.segmentOf(trace.llmCalls().get(1).span().spanId())).containsSame(second);
    assertThat(trace.segmentOf(first.span().spanId())).as("a top-level segment runs in no segment").isEmpty();

    assertThat(trace.executionOf(first.span().spanId())).containsSame(execution);
    assertThat(trace.executionOf(trace.steps().get(0).span().spanId())).containsSame(execution);
    assertThat(trace.executionOf("0000000000000000")).isEmpty();
  }

  @Test
  void aChildAgentsSegmentRunsInItsParentsSegmentAndItsSpansInTheChilds() {
    Span parent = fixtures.segment("planner", 0, "exec-planner", null, false).startSpan();
    Span child = fixtures.segment("researcher", 0, "exec-researcher", null, false)
        .setParent(io.opentelemetry.context.Context.root().with(parent)).startSpan();
    Span childChat = fixtures.child(child, "chat gpt-4o", SpanKind.CLIENT)
        .setAttribute(GEN_AI_OPERATION_NAME, OP_CHAT).startSpan();
    childChat.end();
    child.end();
    Span loose = fixtures.tracer.spanBuilder("outside").setNoParent().startSpan();
    loose.end();
    parent.end();
    AgentTrace trace = fixtures.capture.trace();

    String parentId = parent.getSpanContext().getSpanId();
    String childId = child.getSpanContext().getSpanId();
    assertThat(trace.segmentOf(childId)).map(segment -> segment.span().spanId()).contains(parentId);
    assertThat(trace.segmentOf(childChat.getSpanContext().getSpanId()))
        .map(segment -> segment.span().spanId()).contains(childId);
    assertThat(trace.executionOf(childId)).map(Execution::executionId).contains("exec-researcher");
    assertThat(trace.executionOf(childChat.getSpanContext().getSpanId())).map(Execution::executionId)
        .contains("exec-researcher");
    assertThat(trace.segmentOf(loose.getSpanContext().getSpanId())).isEmpty();
    assertThat(trace.executionOf(loose.getSpanContext().getSpanId())).isEmpty();
  }

  @Test
  void messageContentIsReadOnceAndSharedByEveryThread() throws Exception {
    AgentTrace trace = fixtures.weatherTrace(true, true);
    LlmCall call = trace.llmCalls().get(0);
    Callable<List<?>> read = call::inputMessages;
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<?>>> reads = threads.invokeAll(IntStream.range(0, 16).mapToObj(i -> read).toList());
      for (Future<List<?>> each : reads) {
        assertThat(each.get()).isSameAs(call.inputMessages()).hasSize(2);
      }
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void malformedMessageJsonBuildsTheTraceAndIsReportedWhenRead() {
    Span chat = fixtures.tracer.spanBuilder("chat gpt-4o").setAttribute(GEN_AI_OPERATION_NAME, OP_CHAT)
        .setAttribute(GEN_AI_INPUT_MESSAGES, "[{not json").startSpan();
    chat.end();
    AgentTrace trace = fixtures.capture.trace();

    LlmCall call = trace.llmCalls().get(0);
    assertThat(call.inputMessages()).isEmpty();
    assertThat(call.contentProblems()).singleElement().asString().startsWith("gen_ai.input.messages: ");
  }
}
