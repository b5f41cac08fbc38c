package dev.agenttrace.trace.dialect;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.trace.dialect.WeatherFacts.ANSWER;
import static dev.agenttrace.trace.dialect.WeatherFacts.ARGUMENTS;
import static dev.agenttrace.trace.dialect.WeatherFacts.RESULT;

import dev.agenttrace.golden.GoldenTraces;
import dev.agenttrace.llm.Role;
import dev.agenttrace.report.HtmlReport;
import dev.agenttrace.report.ReportInfo;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SegmentOutcome;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.TraceSpan;
import dev.agenttrace.trace.dialect.DialectFixtures.Fixture;
import dev.agenttrace.trace.dialect.WeatherFacts.Shape;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The weather agent recorded in every dialect passes the same assertions as in AgentTrace's own conventions, and
 * its golden is the same file as the golden of the same facts written natively.
 */
class DialectConformanceTest {
  private static final GoldenTraces GOLDEN = GoldenTraces.builder().environment(name -> null).build();

  static Stream<Fixture> dialects() {
    return DialectFixtures.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dialects")
  void theWeatherAgentPassesTheSameAssertionsInEveryDialect(Fixture fixture) {
    AgentTrace trace = AgentTrace.of(fixture.spans());
    WeatherFacts facts = fixture.facts();

    assertThat(trace).hasLlmCallCount(2).hasToolCallCount(1).hasNoErrors();
    assertThat(trace).calledTool("get_weather").hasArguments(ARGUMENTS).hasArgument("$.city", "Paris")
        .hasResult(RESULT).hasResultValue("$.sky", "sunny");
    assertThat(trace).llmCall(0).hasModel(facts.responseModel() != null ? facts.responseModel() : facts.model())
        .hasUsage(25, 7);
    assertThat(trace).llmCall(1).hasUsage(38, 6);
    assertThat(trace.totalUsage()).isEqualTo(Usage.of(63, 13));
    if (facts.messages()) {
      assertThat(trace).llmCall(0).sentMessage(Role.USER, "Paris").requestedToolWithArguments("get_weather",
          "{\"city\":\"Paris\"}");
      assertThat(trace).llmCall(1).sentToolResult("get_weather", "sunny").hasOutputText(ANSWER);
    }
    if (facts.toolDefinitions()) {
      assertThat(trace).llmCall(0).offeredTools("get_weather");
    }
    if (facts.shape() == Shape.DURABLE_SEGMENTS) {
      assertThat(trace).hasSegmentOutcomes(SegmentOutcome.WAITING, SegmentOutcome.COMPLETED)
          .hasEachSegmentResumingItsPredecessor();
      assertThat(trace.executions()).singleElement()
          .satisfies(execution -> assertThat(execution.outcome()).isEqualTo(SegmentOutcome.COMPLETED));
      assertThat(trace.segments().get(0).toolInvocations()).hasSize(1);
    } else if (facts.shape() == Shape.ONE_AGENT_SPAN) {
      assertThat(trace).hasSegmentOutcomes(SegmentOutcome.UNKNOWN);
      assertThat(trace.segments().get(0).agentName()).isEqualTo(WeatherFacts.AGENT);
    } else {
      assertThat(trace).hasSegmentCount(0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dialects")
  void theGoldenOfAnImportedTraceIsTheGoldenOfTheSameFactsInAgentTracesConventions(Fixture fixture) {
    String imported = GOLDEN.render(AgentTrace.of(fixture.spans()));
    String nativeGolden = GOLDEN.render(AgentTrace.of(fixture.facts().nativeSpans()));

    assertThat(imported).isEqualTo(nativeGolden);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dialects")
  void everyClassifiedSpanSaysWhichDialectClassifiedIt(Fixture fixture) {
    AgentTrace trace = AgentTrace.of(fixture.spans());
    List<TraceSpan> classified = trace.spans().stream().filter(span -> span.category() != null
        && span.category() != dev.agenttrace.trace.SpanCategory.OTHER).toList();

    assertThat(classified).hasSize(fixture.spans().size());
    if (fixture.dialect().equals("agenttrace")) {
      assertThat(classified).allSatisfy(span ->
          assertThat(span.attribute(SpanConventions.DIALECT)).isEmpty());
    } else {
      String dialect = fixture.dialect().replaceAll(" \\(.*\\)", "");
      assertThat(classified).filteredOn(span -> span.attribute(SpanConventions.DIALECT).isPresent())
          .isNotEmpty()
          .allSatisfy(span -> assertThat(span.attribute(SpanConventions.DIALECT)).contains(dialect));
    }
    assertThat(trace.toTreeString()).doesNotContain("unreadable content");
  }

  @org.junit.jupiter.api.Test
  void theTreeAndTheReportSayWhichDialectClassifiedASpan() {
    AgentTrace trace = AgentTrace.of(DialectFixtures.polos().spans());

    assertThat(trace.toTreeString()).contains("chat gpt-4o [tool_call · → tool_call get_weather {\"city\":\"Paris\"}"
        + " · tokens 25 in / 7 out] 15ms ⟨polos⟩");
    assertThat(AgentTrace.of(DialectFixtures.nativeConventions().spans()).toTreeString()).doesNotContain("⟨");
    assertThat(HtmlReport.render(trace, ReportInfo.titled("weather"))).contains("\"dl\":\"polos\"");
  }
}
