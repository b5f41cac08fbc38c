package dev.agenttrace.assertions;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;

import dev.agenttrace.trace.AgentTrace;
import org.junit.jupiter.api.Test;

/** Arguments (exact, partial, ignoring, custom comparator, path) and results (equals, contains, regex, path). */
class ArgumentAssertTest {
  private final AgentTrace weather = Traces.weather();

  @Test
  void argumentsMatchInEveryMode() {
    assertThat(weather).calledTool("get_weather")
        .hasArguments("{ \"city\" : \"Paris\" }")
        .hasArgumentsContainingJson("{}")
        .hasArgumentsContainingJson("{\"city\":\"Paris\"}")
        .hasArgumentsIgnoring("{\"city\":\"Rome\",\"unit\":\"C\"}", "city", "$.unit")
        .hasArguments("{\"city\":\"PARIS\"}", (expected, actual) ->
            expected.get("city").asText().equalsIgnoreCase(actual.get("city").asText()))
        .hasArgument("$.city", "Paris")
        .hasArgument("/city", "Paris");
    assertThat(weather).toolCalls()
        .usingArgumentComparator("get_*", (expected, actual) -> actual.get("city").asText().startsWith("Par"))
        .withArguments("{\"city\":\"anything\"}").single().hasArguments("{\"city\":\"ignored by the comparator\"}");
    assertThat(weather).toolCalls().withArgumentsContainingJson("{\"city\":\"Paris\"}").hasSize(1);
  }

  @Test
  void resultsMatchInEveryMode() {
    assertThat(weather).calledTool("get_weather")
        .hasResult("{\"humidity\":\"40%\",\"tempC\":18}")
        .hasResultContaining("40%")
        .hasResultMatching(".*\"tempC\":18.*")
        .hasResultValue("$.tempC", "18")
        .hasResultValue("/humidity", "40%");
  }

  @Test
  void aPartialMismatchNamesThePath() {
    assertThatThrownBy(() -> assertThat(weather).calledTool("get_weather")
        .hasArgumentsContainingJson("{\"city\":\"Rome\"}"))
        .hasMessageContaining("Expecting tool 'get_weather' to be called with arguments containing {\"city\":\"Rome\"}")
        .hasMessageContaining("but it was called with {\"city\":\"Paris\"} (/city: expected \"Rome\" but was \"Paris\")")
        .hasMessageContaining("▶ execute_tool get_weather");
    assertThatThrownBy(() -> assertThat(weather).calledTool("get_weather").hasArgumentsContainingJson("{\"unit\":1}"))
        .hasMessageContaining("/unit is missing (expected 1)");
    assertThatThrownBy(() -> assertThat(weather).calledTool("get_weather").hasArgumentsIgnoring("{\"city\":\"Rome\"}",
        "unit"))
        .hasMessageContaining("ignoring [unit]").hasMessageContaining("/city: expected \"Rome\" but was \"Paris\"");
    assertThatThrownBy(() -> assertThat(weather).calledTool("get_weather").hasArgument("$.country", "FR"))
        .hasMessageContaining("Expecting the argument $.country of tool 'get_weather' to be FR")
        .hasMessageContaining("but there is none in {\"city\":\"Paris\"}");
  }

  @Test
  void resultFailuresShowTheResult() {
    assertThatThrownBy(() -> assertThat(weather).calledTool("get_weather").hasResultValue("$.tempC", "21"))
        .hasMessageContaining("but it is 18 in {\"tempC\":18,\"humidity\":\"40%\"}");
    assertThatThrownBy(() -> assertThat(weather).calledTool("get_weather").hasResultMatching("\\d+"))
        .hasMessageContaining("to match /\\d+/");
    assertThatThrownBy(() -> assertThat(weather).toolCalls()
        .usingArgumentComparator("get_*", (expected, actual) -> false).first().hasArguments("{\"city\":\"Paris\"}"))
        .hasMessageContaining("Expecting tool 'get_weather' to be called with {\"city\":\"Paris\"}");
  }
}
