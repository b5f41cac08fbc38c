package dev.agenttrace.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Role;
import dev.agenttrace.llm.Usage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TypedViewsTest {
  private final TraceFixtures fixtures = new TraceFixtures();
  private final AgentTrace trace = fixtures.weatherTrace(true, true);

  @AfterEach
  void close() {
    fixtures.capture.close();
  }

  @Test
  void llmCallExposesRequestResponseUsageAndLatency() {
    assertThat(trace.llmCalls()).hasSize(2);
    LlmCall first = trace.llmCalls().get(0);
    assertThat(first.span().kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(first.provider()).contains("openai");
    assertThat(first.requestModel()).contains("gpt-4o");
    assertThat(first.responseModel()).contains("gpt-4o-2024-08-06");
    assertThat(first.model()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(first.responseId()).contains("resp-1");
    assertThat(first.inputMessages()).extracting(message -> message.role()).containsExactly(Role.SYSTEM, Role.USER);
    assertThat(first.inputMessages().get(1).text()).isEqualTo("Weather in Paris?");
    assertThat(first.outputMessages()).hasSize(1);
    assertThat(first.requestedToolCalls()).containsExactly(TraceFixtures.PARIS_CALL);
    assertThat(first.finishReason()).contains(FinishReason.TOOL_CALL);
    assertThat(first.finishReasons()).containsExactly("tool_call");
    assertThat(first.usage()).isEqualTo(Usage.of(12, 5));
    assertThat(first.latency()).isEqualTo(Duration.ofMillis(3));
    assertThat(first.toolDefinitions()).containsExactly(TraceFixtures.GET_WEATHER);
    assertThat(first.error()).isEmpty();
    assertThat(first.contentProblems()).isEmpty();
    assertThat(first.rawInputMessages()).isPresent();

    LlmCall second = trace.llmCalls().get(1);
    assertThat(second.outputText()).isEqualTo("It is sunny in Paris, 21°C.");
    assertThat(second.requestedToolCalls()).isEmpty();
    assertThat(second.finishReason()).contains(FinishReason.STOP);
    assertThat(second.inputMessages().get(2).toolResults()).hasSize(1);
    assertThat(trace.totalUsage()).isEqualTo(Usage.of(42, 13));
  }

  @Test
  void toolInvocationAndStepExposeTheirRecordedValues() {
    ToolInvocation tool = trace.toolInvocations().get(0);
    assertThat(tool.name()).isEqualTo("get_weather");
    assertThat(tool.callId()).contains("call_1");
    assertThat(tool.arguments()).contains("{\"city\":\"Paris\"}");
    assertThat(tool.result()).contains("{\"temp\":21,\"sky\":\"sunny\"}");
    assertThat(tool.duration()).isEqualTo(Duration.ofMillis(6));
    assertThat(tool.error()).isEmpty();

    Step step = trace.steps().get(0);
    assertThat(step.name()).isEqualTo("format");
    assertThat(step.key()).contains("1:step:format");
    assertThat(step.result()).contains("21°C, sunny");
    assertThat(step.duration()).isEqualTo(Duration.ofMillis(1));
    assertThat(step.error()).isEmpty();
  }

  @Test
  void segmentsExposeStateTransitionsAndTheirChildren() {
    Segment waiting = trace.segments().get(0);
    assertThat(waiting.index()).hasValue(0);
    assertThat(waiting.outcome()).isEqualTo(SegmentOutcome.WAITING);
    assertThat(waiting.executionId()).contains("exec-1");
    assertThat(waiting.agentName()).isEqualTo("weather");
    assertThat(waiting.category()).isEqualTo(SpanCategory.AGENT_SEGMENT);
    WaitInfo wait = waiting.waitInfo().orElseThrow();
    assertThat(wait.kind()).isEqualTo(WaitKind.TOOL);
    assertThat(wait.key()).isEqualTo("0:tool:get_weather");
    assertThat(wait.tools()).containsExactly("get_weather");
    assertThat(wait.describe()).isEqualTo("tool get_weather");
    assertThat(waiting.isResumed()).isFalse();
    assertThat(waiting.previousSpanId()).isEmpty();
    assertThat(waiting.usage()).isEqualTo(Usage.of(12, 5));
    assertThat(waiting.llmCalls()).hasSize(1);
    assertThat(waiting.toolInvocations()).extracting(ToolInvocation::name).containsExactly("get_weather");
    assertThat(waiting.toolInvocations().get(0).span().endTime()).isAfter(waiting.span().endTime());

    Segment resumed = trace.segments().get(1);
    assertThat(resumed.index()).hasValue(1);
    assertThat(resumed.outcome()).isEqualTo(SegmentOutcome.COMPLETED);
    assertThat(resumed.isResumed()).isTrue();
    assertThat(resumed.isCompletion()).isTrue();
    assertThat(resumed.previousSpanId()).contains(waiting.span().spanId());
    assertThat(resumed.resumeInfo().orElseThrow().cause()).isEqualTo("tool_result");
    assertThat(resumed.resumeInfo().orElseThrow().waited()).isEqualTo(Duration.ofMillis(7));
    assertThat(resumed.replayed()).isEqualTo(1);
    assertThat(resumed.waitInfo()).isEmpty();
    assertThat(resumed.usage()).as("no usage attribute: summed over LLM calls").isEqualTo(Usage.of(30, 8));
    assertThat(resumed.steps()).extracting(Step::name).containsExactly("format");
    assertThat(resumed.span().links()).hasSize(1);
    assertThat(resumed.span().traceId()).isEqualTo(waiting.span().traceId()).isEqualTo(TraceFixtures.TRACE_ID);
  }

  @Test
  void executionAggregatesItsSegments() {
    Execution execution = trace.executions().get(0);
    assertThat(trace.executions()).hasSize(1);
    assertThat(execution.executionId()).isEqualTo("exec-1");
    assertThat(execution.name()).isEqualTo("weather");
    assertThat(execution.category()).isEqualTo(SpanCategory.AGENT_SEGMENT);
    assertThat(execution.segments()).extracting(segment -> segment.index().getAsInt()).containsExactly(0, 1);
    assertThat(execution.outcome()).isEqualTo(SegmentOutcome.COMPLETED);
    assertThat(execution.llmCalls()).hasSize(2);
    assertThat(execution.toolInvocations()).hasSize(1);
    assertThat(execution.steps()).hasSize(1);
    assertThat(execution.totalUsage()).isEqualTo(Usage.of(42, 13));
    assertThat(execution.span()).isSameAs(execution.segments().get(0).span());
    assertThat(execution.segment(1)).containsSame(execution.lastSegment());
  }

  @Test
  void errorsCarryTypeMessageAndStackTrace() {
    TraceFixtures failing = new TraceFixtures();
    Span segment = failing.segment("weather", 0, "exec-2", null, false).startSpan();
    Span tool = failing.child(segment, SpanConventions.toolSpanName("get_weather"), SpanKind.INTERNAL)
        .setAttribute(SpanConventions.GEN_AI_OPERATION_NAME, SpanConventions.OP_EXECUTE_TOOL)
        .setAttribute(SpanConventions.GEN_AI_TOOL_NAME, "get_weather").startSpan();
    IllegalStateException boom = new IllegalStateException("weather service down");
    tool.recordException(boom);
    tool.setStatus(StatusCode.ERROR, "weather service down");
    tool.end();
    Span step = failing.child(segment, "step parse", SpanKind.INTERNAL)
        .setAttribute(SpanConventions.STEP_NAME, "parse").startSpan();
    step.setAttribute(SpanConventions.ERROR_TYPE, "ParseError");
    step.setStatus(StatusCode.ERROR, "bad input");
    step.end();
    segment.setAttribute(SpanConventions.SEGMENT_OUTCOME, "failed");
    segment.setStatus(StatusCode.ERROR);
    segment.end();
    AgentTrace failed = failing.capture.trace();

    assertThat(failed.errors()).hasSize(3);
    TraceError toolError = failed.toolInvocations().get(0).error().orElseThrow();
    assertThat(toolError.type()).isEqualTo("java.lang.IllegalStateException");
    assertThat(toolError.message()).isEqualTo("weather service down");
    assertThat(toolError.stackTrace()).contains("TypedViewsTest.errorsCarryTypeMessageAndStackTrace");
    assertThat(toolError.span().statusCode()).isEqualTo(StatusCode.ERROR);
    TraceError stepError = failed.steps().get(0).error().orElseThrow();
    assertThat(stepError.summary()).isEqualTo("ParseError: bad input");
    assertThat(stepError.stackTrace()).isEmpty();
    TraceError segmentError = failed.segments().get(0).error().orElseThrow();
    assertThat(segmentError.type()).isEqualTo(TraceError.UNKNOWN_TYPE);
    assertThat(failed.executions().get(0).outcome()).isEqualTo(SegmentOutcome.FAILED);
    failing.capture.close();
  }

  @Test
  void malformedContentAndMissingAttributesNeverThrow() {
    TraceFixtures odd = new TraceFixtures();
    Span chat = odd.tracer.spanBuilder("chat weird").startSpan();
    chat.setAttribute(SpanConventions.GEN_AI_OPERATION_NAME, SpanConventions.OP_CHAT);
    chat.setAttribute(SpanConventions.GEN_AI_INPUT_MESSAGES, "[{\"role\":\"user\",\"parts\":[ broken");
    chat.setAttribute(SpanConventions.GEN_AI_OUTPUT_MESSAGES, "[{\"role\":\"robot\",\"parts\":[]}]");
    chat.setAttribute(SpanConventions.GEN_AI_RESPONSE_FINISH_REASONS, List.of("exploded"));
    chat.setAttribute(SpanConventions.GEN_AI_USAGE_INPUT_TOKENS, -3L);
    chat.end();
    odd.tracer.spanBuilder("invoke_agent").setAttribute(SpanConventions.GEN_AI_OPERATION_NAME, "invoke_agent")
        .startSpan().end();
    odd.tracer.spanBuilder("plain").setAllAttributes(Attributes.empty()).startSpan().end();
    AgentTrace trace = odd.capture.trace();

    LlmCall call = trace.llmCalls().get(0);
    assertThat(call.inputMessages()).isEmpty();
    assertThat(call.rawInputMessages()).hasValueSatisfying(raw -> assertThat(raw).contains("broken"));
    assertThat(call.outputMessages()).isEmpty();
    assertThat(call.finishReason()).isEmpty();
    assertThat(call.usage()).isEqualTo(Usage.NONE);
    assertThat(call.model()).isEqualTo("weird");
    assertThat(call.contentProblems()).hasSize(3)
        .anySatisfy(problem -> assertThat(problem).startsWith("gen_ai.input.messages"))
        .anySatisfy(problem -> assertThat(problem).contains("exploded"));
    Segment segment = trace.segments().get(0);
    assertThat(segment.index()).isEmpty();
    assertThat(segment.outcome()).isEqualTo(SegmentOutcome.UNKNOWN);
    assertThat(segment.agentName()).isEqualTo("invoke_agent");
    assertThat(trace.executions().get(0).executionId()).isEqualTo("span:" + segment.span().spanId());
    assertThat(trace.spans()).filteredOn(span -> span.name().equals("plain"))
        .singleElement().extracting(TraceSpan::category).isEqualTo(SpanCategory.OTHER);
    assertThat(trace.toTreeString()).contains("unreadable content");
    odd.capture.close();
  }
}
