package dev.agenttrace.trace.dialect;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;
import static dev.agenttrace.trace.dialect.FixtureSpan.span;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SpanConventions;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Users extend the mapping with their own table on the class path ({@code META-INF/agenttrace/dialects.json}, here
 * in {@code src/test/resources}); a table that cannot be used fails with a message naming the resource and entry.
 */
class DialectTableTest {
  @Test
  void aTableOnTheClassPathExtendsTheBuiltInOnesAndIsConsultedFirst() {
    assertThat(SpanDialects.standard().names())
        .startsWith("acme")
        .contains("polos", "openinference", "google_adk", "spring_ai", "gen_ai");
    assertThat(SpanDialects.standard().source("acme")).endsWith("META-INF/agenttrace/dialects.json");
    assertThat(SpanDialects.builtIn().names()).containsExactly("polos", "openinference", "google_adk", "spring_ai",
        "gen_ai");
  }

  @Test
  void spansOfAUserDialectClassifyLikeAgentTracesOwn() {
    AgentTrace trace = AgentTrace.of(List.of(
        span(1, "model call").time(0, 10).attr("acme.kind", "model_call").attr("acme.model", "acme-large")
            .attr("acme.tokens.in", "12").attr("acme.tokens.out", 3).data(),
        span(2, "acme.tool:get_weather").time(10, 20).attr("acme.args", WeatherFacts.ARGUMENTS)
            .attr("acme.result", WeatherFacts.RESULT).data()));

    assertThat(trace).hasLlmCallCount(1).llmCall(0).hasModel("acme-large").hasUsage(12, 3);
    assertThat(trace).calledTool("get_weather").hasArguments(WeatherFacts.ARGUMENTS).hasResult(WeatherFacts.RESULT);
    assertThat(trace.spans()).extracting(span -> span.name()).containsExactly("chat acme-large",
        "execute_tool get_weather");
    assertThat(trace.spans()).allSatisfy(span -> assertThat(span.attribute(SpanConventions.DIALECT)).contains("acme"));
    assertThat(trace.spans().get(0).attribute(SpanConventions.DIALECT_ORIGINAL_NAME)).contains("model call");
  }

  @Test
  void aUserDialectOfABuiltInNameReplacesIt() {
    URL replacement = resource("replacing-polos.json");
    SpanDialects dialects = SpanDialects.withTables(List.of(replacement));

    assertThat(dialects.names()).containsExactly("polos", "openinference", "google_adk", "spring_ai", "gen_ai");
    assertThat(dialects.source("polos")).isEqualTo(replacement.toString());
    assertThat(dialects.normalize(DialectFixtures.polos().spans().get(0)).getName())
        .isEqualTo("invoke_agent weather_agent (replaced)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "malformed.json         | not valid JSON at line 1",
      "duplicate-field.json   | not valid JSON at line 2, column 11: Duplicate field 'format'",
      "two-tables.json        | not valid JSON at line 2, column 2: unexpected START_OBJECT after the table",
      "unknown-transform.json | dialect #1 'acme', rule #2 'messages': unknown transform 'acme_messages'; known transforms: openinference_messages,",
      "unknown-field.json     | dialect #1 'acme', rule #1: unknown field \"rename\"; allowed: copy,",
      "no-trigger.json        | dialect #1 'acme', rule #1 'any': \"when\" needs at least one of name, nameStartsWith",
      "missing-group.json     | dialect #1 'acme', rule #1 'tool': \"{name:tol}\" uses {name:tol} but when.namePattern has no group (?<tol>…)",
      "bad-pattern.json       | dialect #1 'acme', rule #1 'tool': when.namePattern is not a valid regular expression",
      "wrong-format.json      | \"format\" must be \"agenttrace-dialects/1\"",
      "bad-parameter.json     | rule #1 'error': transform 'json_field' needs \"path\" (a non-empty string)"})
  void aBadTableFailsNamingTheResourceAndTheEntry(String file, String problem) {
    URL table = resource(file);

    assertThatThrownBy(() -> SpanDialects.withTables(List.of(table)))
        .isInstanceOf(DialectTableException.class)
        .hasMessageStartingWith("Dialect table " + table)
        .hasMessageContaining(problem)
        .hasMessageEndingWith("See docs/dialects.md for the table format.");
  }

  private static URL resource(String file) {
    return DialectTableTest.class.getClassLoader().getResource("dialect-tables/" + file);
  }
}
