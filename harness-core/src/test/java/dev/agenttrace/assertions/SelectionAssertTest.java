package dev.agenttrace.assertions;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;
import static dev.agenttrace.trace.SpanConventions.GEN_AI_TOOL_NAME;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.SpanCategory;
import org.junit.jupiter.api.Test;

/** Selection (kind, glob, regex, attribute, parent/descendant, segment, position) and counts. */
class SelectionAssertTest {
  private final AgentTrace weather = Traces.weather();
  private final AgentTrace workflow = Traces.workflow();

  @Test
  void selectsByNameAttributeParentAndPosition() {
    assertThat(weather).toolCalls().named("get_*").hasSize(1).first().hasArguments("{\"city\":\"Paris\"}");
    assertThat(weather).toolCalls().nameMatching("get_(weather|time)").single().hasName("get_weather");
    assertThat(weather).spans().withAttribute(GEN_AI_TOOL_NAME, "get_weather").hasSize(1);
    assertThat(weather).spans().withAttributeSatisfying(GEN_AI_TOOL_NAME, name -> name.startsWith("get"))
        .hasSizeAtLeast(1);
    assertThat(weather).spans().ofCategory(SpanCategory.LLM_CALL).hasSize(2);
    assertThat(weather).llmCalls().inSegment(1).single().hasOutputText("18°C, 40% humidity");
    assertThat(weather).llmCalls().last().hasOutputTextContaining("40%");
    assertThat(weather).llmCalls().nth(0).requestedTool("get_weather");
    assertThat(weather).toolCalls().childrenOf(assertThat(weather).segments().named("agent")).hasSizeAtMost(1);
    assertThat(weather).llmCalls().descendantsOf(assertThat(weather).segments().withOutcome(SegmentOutcome.WAITING))
        .hasSize(1);
    assertThat(workflow).steps().named("load-*").single().hasResult("{\"id\":\"A-1\",\"items\":[{\"sku\":\"é-7\",\"qty\":2}]}");
    assertThat(workflow).steps().inSegment(2).containsExactly("notify");
    assertThat(workflow).segments().resumed().hasSize(2);
    assertThat(workflow).executions().single().hasSegmentCount(3);
  }

  @Test
  void countsCoverCalledNeverCalledExactlyAtLeastAtMost() {
    assertThat(weather).toolCalls().named("get_weather").isNotEmpty().hasSize(1).hasSizeBetween(1, 2);
    assertThat(weather).toolCalls().named("charge_*").isEmpty();
    assertThat(weather).llmCalls().hasSizeAtLeast(2).hasSizeAtMost(2);
  }

  @Test
  void anEmptySelectionFailsWithTheClosestCandidateAndANearMissTable() {
    assertThatThrownBy(() -> assertThat(weather).toolCalls().named("get_*").withArguments("{\"city\":\"Rome\"}")
        .hasSize(1))
        .hasMessageContaining("Expecting exactly 1 tool call named \"get_*\" and with arguments {\"city\":\"Rome\"}")
        .hasMessageContaining("but found 0: []")
        .hasMessageContaining("Closest tool call: execute_tool get_weather")
        .hasMessageContainingAll("name", "get_*", "get_weather", "✓")
        .hasMessageContainingAll("arguments", "{\"city\":\"Rome\"}", "{\"city\":\"Paris\"}", "✗")
        .hasMessageContaining("▶ execute_tool get_weather");
  }

  @Test
  void countFailuresListWhatWasFound() {
    assertThatThrownBy(() -> assertThat(weather).llmCalls().hasSizeAtMost(1))
        .hasMessageContaining("Expecting at most 1 LLM call")
        .hasMessageContaining("but found 2: [gpt-4o, gpt-4o]");
    assertThatThrownBy(() -> assertThat(weather).toolCalls().named("get_weather").isEmpty())
        .hasMessageContaining("Expecting no tool calls named \"get_weather\"")
        .hasMessageContaining("▶ execute_tool get_weather");
  }

  @Test
  void navigatingToAMissingElementFails() {
    assertThatThrownBy(() -> assertThat(weather).toolCalls().named("get_time").first())
        .hasMessageContaining("Expecting the first tool calls named \"get_time\"")
        .hasMessageContaining("Closest tool call: execute_tool get_weather");
    assertThatThrownBy(() -> assertThat(weather).llmCalls().single())
        .hasMessageContaining("Expecting a single one of the LLM calls").hasMessageContaining("but found 2");
  }

  @Test
  void allAndAnySatisfyNameTheFailingElements() {
    assertThat(weather).llmCalls().allSatisfy(call -> call.hasModel("gpt-4o"))
        .anySatisfy(call -> call.hasOutputTextContaining("humidity"));
    assertThatThrownBy(() -> assertThat(weather).llmCalls().allSatisfy(call -> call.hasOutputTextContaining("°C")))
        .hasMessageContaining("Expecting every one of the LLM calls to satisfy the requirements")
        .hasMessageContaining("1 of 2 did not:")
        .hasMessageContaining("gpt-4o: Expecting the LLM reply to contain \"°C\"");
  }
}
