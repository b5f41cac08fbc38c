package dev.agenttrace.examples.assertions;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;
import static dev.agenttrace.assertions.AgentTraceAssertions.catchThrowableOfType;
import static dev.agenttrace.trace.SegmentOutcome.COMPLETED;
import static dev.agenttrace.trace.SegmentOutcome.WAITING;
import static dev.agenttrace.trace.SpanConventions.GEN_AI_TOOL_NAME;

import dev.agenttrace.assertions.SoftAgentTraceAssertions;
import dev.agenttrace.assertions.TraceAssertionError;
import dev.agenttrace.examples.flights.FlightBookingAgent;
import dev.agenttrace.examples.orders.OrderWorkflow;
import dev.agenttrace.examples.orders.OrderWorkflow.Order;
import dev.agenttrace.examples.weather.WeatherAgent;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Role;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.WaitKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The assertion vocabulary, one test per family, on the example agents. {@code docs/assertions.md} quotes the
 * regions between the {@code // tag::…} and {@code // end::…} comments.
 */
@AgentTest
class AssertionVocabularyTest {

  private static AgentTrace weatherTrace(AgentHarness harness, LlmStub llm, ToolStubs tools) {
    llm.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\",\"unit\":\"C\"}");
    llm.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny in Paris.");
    tools.stub("get_weather").returns("{\"tempC\":18,\"sky\":\"sunny\",\"observedAt\":\"2026-01-01T12:00:00Z\"}");
    return harness.run(new WeatherAgent(), "What's the weather in Paris?").trace();
  }

  @Test
  void selection(AgentHarness harness, LlmStub llm, ToolStubs tools) {
    AgentTrace trace = weatherTrace(harness, llm, tools);
    // tag::selection[]
    assertThat(trace).toolCalls().named("get_*").first().hasArgument("$.city", "Paris");
    assertThat(trace).spans().withAttribute(GEN_AI_TOOL_NAME, "get_weather").hasSize(1);
    assertThat(trace).llmCalls().inSegment(1).single().hasFinishReason(FinishReason.STOP);
    assertThat(trace).toolCalls().descendantsOf(assertThat(trace).segments().withOutcome(WAITING)).hasSize(1);
    assertThat(trace).llmCalls().withFinishReason(FinishReason.TOOL_CALL).last().requestedTool("get_weather");
    // end::selection[]
  }

  @Test
  void existenceAndCounts(AgentHarness harness, LlmStub llm, ToolStubs tools) {
    AgentTrace trace = weatherTrace(harness, llm, tools);
    // tag::counts[]
    assertThat(trace).toolCalls().named("get_weather").isNotEmpty().hasSize(1);
    assertThat(trace).toolCalls().named("book_*").isEmpty();
    assertThat(trace).llmCalls().hasSizeAtLeast(1).hasSizeAtMost(3);
    assertThat(trace).calledTool("get_weather", 1).neverCalledTool("book_flight");
    // end::counts[]
  }

  @Test
  void order(AgentHarness harness, LlmStub llm, ToolStubs tools) {
    AgentTrace trace = weatherTrace(harness, llm, tools);
    // tag::order[]
    assertThat(trace).trajectory()
        .containsExactly("chat", "get_weather", "chat")        // exact sequence
        .containsInOrder("get_weather", "chat")                // subsequence
        .containsExactlyInAnyOrder("get_weather", "chat", "chat")
        .isSubsetOf("chat", "get_weather", "get_forecast")     // nothing beyond these
        .contains("get_weather")                               // at least these
        .happensBefore("get_weather", "chat");
    assertThat(trace).llmCalls().containsExactly("gpt-4o", "gpt-4o");
    // end::order[]
  }

  @Test
  void argumentsAndResults(AgentHarness harness, LlmStub llm, ToolStubs tools) {
    AgentTrace trace = weatherTrace(harness, llm, tools);
    // tag::arguments[]
    assertThat(trace).calledTool("get_weather")
        .hasArguments("{\"unit\": \"C\", \"city\": \"Paris\"}")            // exact, as JSON
        .hasArgumentsContainingJson("{\"city\": \"Paris\"}")               // partial: recursive subset
        .hasArgumentsIgnoring("{\"city\": \"Paris\"}", "unit")             // ignoring keys or $.paths
        .hasResultValue("$.sky", "sunny")                                  // JSON path into the result
        .hasResultContaining("sunny")
        .hasResultMatching(".*\"tempC\":\\d+.*");
    assertThat(trace).toolCalls()                                          // a comparator per tool
        .usingArgumentComparator("get_weather",
            (expected, actual) -> expected.get("city").asText().equalsIgnoreCase(actual.get("city").asText()))
        .single().hasArguments("{\"city\": \"PARIS\"}");
    // end::arguments[]
  }

  @Test
  void llmCalls(AgentHarness harness, LlmStub llm, ToolStubs tools) {
    AgentTrace trace = weatherTrace(harness, llm, tools);
    // tag::llm[]
    assertThat(trace).llmCall(0)
        .hasModel("gpt-4o")
        .sentMessage(Role.SYSTEM, "weather questions")
        .sentMessage(Role.USER, "Paris")
        .offeredTools("get_weather")
        .hasFinishReason(FinishReason.TOOL_CALL)          // tool_calls, tool_use ... all read as TOOL_CALL
        .requestedToolWithArguments("get_weather", "{\"city\":\"Paris\"}");
    assertThat(trace).llmCall(1)
        .sentToolResult("get_weather", "sunny")
        .hasOutputTextMatching("\\d+°C and sunny in Paris\\.")
        .hasTotalTokensAtMost(1_000);
    // end::llm[]
  }

  @Test
  void durableStructure(AgentHarness harness) {
    OrderWorkflow workflow = new OrderWorkflow(new Warehouse(), Duration.ofHours(6));
    AgentTrace trace = harness.run(workflow, new Order("order-42", "sku-7", 2, 4_998)).trace();
    // tag::durable[]
    assertThat(trace)
        .hasSegmentOutcomes(WAITING, COMPLETED)
        .hasEachSegmentResumingItsPredecessor()
        .executedNothingTwice();                          // no tool call id, step key or LLM request twice
    assertThat(trace).segment(0).isWaitingOn(WaitKind.TIMER).hasStepCount(2);
    assertThat(trace).segment(1).isResumedFrom(0).hasReplayed(3).hasStepCount(1);
    assertThat(trace).execution().hasSegmentCount(2).hasReplayCounts(0, 3).hasOutcome(COMPLETED);
    assertThat(trace).steps().containsExactly("reserve-stock", "charge-card", "ship");
    // end::durable[]
  }

  @Test
  void errors(AgentHarness harness, LlmStub llm, ToolStubs tools) {
    llm.whenToolsOffered("book_flight").replyWithToolCall("book_flight", "{\"flight\":\"AF123\"}");
    tools.stub("book_flight").throwsException(
        new IllegalStateException("flight AF123 is full", new java.io.IOException("inventory timeout")));
    AgentTrace trace = harness.run(new FlightBookingAgent(), "Book me on AF123").trace();
    // tag::errors[]
    assertThat(trace).errors().single()
        .isOnSpan("execute_tool book_flight")
        .hasType("java.lang.IllegalStateException")
        .hasMessage("flight AF123 is full")
        .hasCauseChain("java.lang.IllegalStateException", "java.io.IOException");
    assertThat(trace).calledTool("book_flight").error().hasCauseOfType("java.io.IOException");
    assertThatThrownBy(() -> assertThat(trace).recoveredFromErrors())   // no retry followed
        .hasMessageContaining("no successful retry followed tool 'book_flight'");
    // end::errors[]
  }

  @Test
  void budgets(AgentHarness harness, LlmStub llm, ToolStubs tools) {
    AgentTrace trace = weatherTrace(harness, llm, tools);
    // tag::budgets[]
    assertThat(trace)
        .hasTotalTokensAtMost(2_000).hasInputTokensAtMost(1_500).hasOutputTokensAtMost(500)
        .hasLlmCallCountAtMost(3).hasToolCallCountAtMost(2).hasStepCountAtMost(0)
        .hasDurationLessThan(Duration.ofSeconds(5));
    assertThat(trace).llmCalls().haveDurationsLessThan(Duration.ofSeconds(1));
    // end::budgets[]
  }

  @Test
  void softAssertions(AgentHarness harness, LlmStub llm, ToolStubs tools) {
    AgentTrace trace = weatherTrace(harness, llm, tools);
    // tag::soft[]
    SoftAgentTraceAssertions softly = new SoftAgentTraceAssertions();
    softly.assertThat(trace).hasSegmentCount(3);                                       // fails, collected
    softly.assertThat(trace).toolCalls().named("get_*").first().hasArgument("$.city", "Rome");  // fails, collected
    softly.assertThat(trace).hasNoErrors();                                            // passes
    assertThatThrownBy(softly::assertAll).hasMessageContaining("Multiple Failures (2 failures)");
    // end::soft[]
  }

  @Test
  void failureMessage(AgentHarness harness, LlmStub llm, ToolStubs tools) {
    AgentTrace trace = weatherTrace(harness, llm, tools);
    // tag::failure[]
    assertThatThrownBy(() -> assertThat(trace).toolCalls().named("get_weather")
        .withArgumentsContainingJson("{\"city\":\"Rome\"}").hasSize(1))
        .hasMessageContaining("Closest tool call: execute_tool get_weather")
        .hasMessageContaining("▶ execute_tool get_weather");
    // end::failure[]
  }

  @Test
  void typedFailure(AgentHarness harness, LlmStub llm, ToolStubs tools) {
    AgentTrace trace = weatherTrace(harness, llm, tools);
    String toolSpan = trace.toolInvocations().get(0).span().spanId();
    // tag::typed-failure[]
    TraceAssertionError failure = catchThrowableOfType(TraceAssertionError.class,
        () -> assertThat(trace).neverCalledTool("get_*"));
    assertThat(failure.headline()).isEqualTo("""
        Expecting tool 'get_*' never to be called
        but it was called 1 time(s), first with {"city":"Paris","unit":"C"}""");
    assertThat(failure.markedSpanId()).contains(toolSpan);            // the span in question, as data
    assertThat(failure.trace()).containsSame(trace);
    assertThat(failure.getExpected().getValue()).isEqualTo(0);        // expected / actual for the IDE diff
    assertThat(failure.getActual().getValue()).isEqualTo(1);
    // end::typed-failure[]
  }

  /** Side effects that always succeed. */
  private static final class Warehouse implements OrderWorkflow.Warehouse {
    @Override
    public String reserve(String sku, int quantity) {
      return "reservation of " + quantity + " " + sku;
    }

    @Override
    public String charge(String orderId, long amountCents) {
      return "payment for " + amountCents + " cents";
    }

    @Override
    public String ship(String reservation) {
      return "TRACK-1";
    }
  }
}
