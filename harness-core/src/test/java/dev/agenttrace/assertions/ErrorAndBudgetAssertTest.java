package dev.agenttrace.assertions;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;

import dev.agenttrace.trace.AgentTrace;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Errors (type, message, cause chain, recovery) and budgets (tokens, calls, steps, durations). */
class ErrorAndBudgetAssertTest {
  private final AgentTrace retried = Traces.retriedTool();
  private final AgentTrace failing = Traces.failingTool();
  private final AgentTrace weather = Traces.weather();

  @Test
  void anErrorIsDescribedAndItsRecoveryChecked() {
    assertThat(retried).recoveredFromErrors()
        .errors().hasSize(1).single().isOnSpan("execute_tool search").hasType("java.lang.IllegalStateException")
        .hasMessage("timeout").hasMessageContaining("time")
        .hasCauseChain("java.lang.IllegalStateException", "java.io.IOException")
        .hasCauseOfType("java.io.IOException");
    assertThat(retried).toolCalls().named("search").withError().single().error().hasMessage("timeout");
    assertThat(retried).toolCalls().named("search").withoutError().single().succeeded().hasResult("[\"AF123\"]");
    assertThat(retried).errors().ofType("java.lang.*").withMessageContaining("timeout").hasSize(1);
  }

  @Test
  void errorFailuresShowTheErrorSpan() {
    assertThatThrownBy(() -> assertThat(failing).recoveredFromErrors())
        .hasMessageContaining("Expecting every failed call to be retried successfully")
        .hasMessageContaining("but no successful retry followed tool 'charge_card'")
        .hasMessageContaining("▶ execute_tool charge_card");
    assertThatThrownBy(() -> assertThat(retried).errors().single().hasCauseOfType("java.net.SocketException"))
        .hasMessageContaining("Expecting the error on execute_tool search to be caused by java.net.SocketException")
        .hasMessageContaining("but its cause chain is [java.lang.IllegalStateException, java.io.IOException]");
    assertThatThrownBy(() -> assertThat(weather).calledTool("get_weather").error())
        .hasMessageContaining("Expecting tool 'get_weather' to have failed").hasMessageContaining("but it succeeded");
  }

  @Test
  void budgetsPassWithinTheirLimits() {
    assertThat(weather).hasTotalTokensAtMost(65).hasInputTokensAtMost(50).hasOutputTokensAtMost(15)
        .hasLlmCallCountAtMost(2).hasToolCallCountAtMost(1).hasStepCountAtMost(0)
        .hasDurationLessThan(Duration.ofMinutes(1));
    assertThat(weather).llmCalls().haveDurationsLessThan(Duration.ofSeconds(10));
    assertThat(weather).calledTool("get_weather").hasDurationLessThan(Duration.ofSeconds(10));
  }

  @Test
  void budgetFailuresSayWhatWasUsed() {
    assertThatThrownBy(() -> assertThat(weather).hasTotalTokensAtMost(50))
        .hasMessageContaining("Expecting at most 50 tokens in all").hasMessageContaining("but the trace used 65");
    assertThatThrownBy(() -> assertThat(weather).hasLlmCallCountAtMost(1))
        .hasMessageContaining("Expecting at most 1 LLM call").hasMessageContaining("but the trace used 2");
    assertThatThrownBy(() -> assertThat(weather).hasDurationLessThan(Duration.ZERO))
        .hasMessageContaining("Expecting the trace to take less than 0µs");
    assertThatThrownBy(() -> assertThat(weather).llmCalls().haveDurationsLessThan(Duration.ZERO))
        .hasMessageContaining("Expecting every one of the LLM calls to take less than 0µs")
        .hasMessageContaining("▶ chat gpt-4o");
  }
}
