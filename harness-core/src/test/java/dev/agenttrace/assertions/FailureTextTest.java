package dev.agenttrace.assertions;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;

import dev.agenttrace.trace.AgentTrace;
import org.junit.jupiter.api.Test;

/** User values in failures: newlines, non-ASCII text, {@code %} and huge strings print safely and readably. */
class FailureTextTest {
  private final AgentTrace workflow = Traces.workflow();

  @Test
  void newlinesAndNonAsciiTextPrintOnOneLine() {
    assertThatThrownBy(() -> assertThat(workflow).steps().named("notify").single().hasResult("sent"))
        .hasMessageContaining("Expecting step 'notify' to return \"sent\"")
        .hasMessageContaining("but it returned \"sent⏎to café\"")
        .hasMessageContaining("▶ step notify");
  }

  @Test
  void hugeValuesAreCutWithTheirLength() {
    String huge = "%s".repeat(2_500);
    assertThatThrownBy(() -> assertThat(workflow).calledTool("get_weather").hasResultContaining(huge))
        .hasMessageContaining("to contain \"" + "%s".repeat(200) + "…(+4,600 chars)\"")
        .hasMessageNotContaining("%s".repeat(201));
  }

  @Test
  void theNearMissTableLinesUpItsColumns() {
    assertThatThrownBy(() -> assertThat(Traces.weather()).toolCalls().named("get_*")
        .withArguments("{\"city\":\"Rome\"}").hasSize(1))
        .hasMessageContaining("""
            Closest tool call: execute_tool get_weather (span""")
        .hasMessageContaining("""
              field     | expected        | actual           |
              name      | get_*           | get_weather      | ✓
              arguments | {"city":"Rome"} | {"city":"Paris"} | ✗
            """);
  }
}
