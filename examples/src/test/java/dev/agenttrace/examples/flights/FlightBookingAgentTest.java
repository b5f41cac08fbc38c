package dev.agenttrace.examples.flights;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;

import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceError;
import org.junit.jupiter.api.Test;

/** A tool that fails: the agent recovers, the trace keeps the error's type, message and stack trace. */
@AgentTest(golden = true)
class FlightBookingAgentTest {

  @Test
  void aFailingToolIsCapturedWithItsError(AgentHarness harness, LlmStub llm, ToolStubs tools) {
    llm.whenToolsOffered("book_flight").replyWithToolCall("book_flight", "{\"flight\":\"AF123\"}");
    tools.stub("book_flight").throwsException(new IllegalStateException("flight AF123 is full"));

    AgentRun<String> run = harness.run(new FlightBookingAgent(), "Book me on AF123 tomorrow");

    assertThat(run.output()).startsWith("Sorry, booking failed:").contains("flight AF123 is full");
    AgentTrace trace = run.trace();
    assertThat(trace).calledTool("book_flight").failedWith("java.lang.IllegalStateException");
    assertThat(trace.errors()).singleElement().satisfies(error -> {
      assertThat(error.span().name()).isEqualTo("execute_tool book_flight");
      assertThat(error.message()).isEqualTo("flight AF123 is full");
      assertThat(error.stackTrace()).contains("java.lang.IllegalStateException: flight AF123 is full")
          .contains("FlightBookingAgentTest");
    });
    assertThat(trace.errors()).extracting(TraceError::type).containsExactly("java.lang.IllegalStateException");
  }

  @Test
  void aBookingThatWorksHasNoErrors(AgentHarness harness, LlmStub llm, ToolStubs tools) {
    llm.whenAnyRequest().replyWithToolCall("book_flight", "{\"flight\":\"LH400\"}");
    tools.stub("book_flight").returns("{\"seat\":\"14C\"}");

    AgentRun<String> run = harness.run(new FlightBookingAgent(), "Book LH400");

    assertThat(run.output()).isEqualTo("Booked {\"flight\":\"LH400\"}");
    assertThat(run.trace()).hasNoErrors().calledTool("book_flight").succeeded().hasResult("{\"seat\":\"14C\"}");
  }
}
