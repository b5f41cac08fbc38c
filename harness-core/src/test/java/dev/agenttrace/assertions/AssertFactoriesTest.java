package dev.agenttrace.assertions;

import static dev.agenttrace.assertions.AgentTraceAssertions.ERRORS;
import static dev.agenttrace.assertions.AgentTraceAssertions.EXECUTIONS;
import static dev.agenttrace.assertions.AgentTraceAssertions.LLM_CALLS;
import static dev.agenttrace.assertions.AgentTraceAssertions.SEGMENTS;
import static dev.agenttrace.assertions.AgentTraceAssertions.SPANS;
import static dev.agenttrace.assertions.AgentTraceAssertions.STEPS;
import static dev.agenttrace.assertions.AgentTraceAssertions.TOOL_CALLS;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;

import dev.agenttrace.trace.AgentTrace;
import org.junit.jupiter.api.Test;

/** Every selection assert is reachable through an {@code InstanceOfAssertFactory}, e.g. from a custom helper. */
class AssertFactoriesTest {
  private final AgentTrace weather = Traces.weather();
  private final AgentTrace workflow = Traces.workflow();

  @Test
  void selectionsCanBeAssertedAgainThroughTheirFactories() {
    Object toolCalls = assertThat(weather).toolCalls().actual();
    Object llmCalls = assertThat(weather).llmCalls().actual();
    Object segments = assertThat(weather).segments().actual();
    Object executions = assertThat(weather).executions().actual();
    Object spans = assertThat(weather).spans().actual();
    Object errors = assertThat(weather).errors().actual();
    Object steps = assertThat(workflow).steps().actual();

    assertThat(toolCalls).asInstanceOf(TOOL_CALLS).containsExactly("get_weather");
    assertThat(llmCalls).asInstanceOf(LLM_CALLS).hasSize(2);
    assertThat(segments).asInstanceOf(SEGMENTS).hasSize(2);
    assertThat(executions).asInstanceOf(EXECUTIONS).hasSize(1);
    assertThat(spans).asInstanceOf(SPANS).hasSize(weather.size());
    assertThat(errors).asInstanceOf(ERRORS).isEmpty();
    assertThat(steps).asInstanceOf(STEPS).isNotEmpty();
  }
}
