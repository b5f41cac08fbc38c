package dev.agenttrace.assertions;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.catchThrowableOfType;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.LlmCall;
import dev.agenttrace.trace.ToolInvocation;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.Test;

/** A failed trace assertion is a {@link TraceAssertionError} whose parts tools read as data, hard or soft. */
class TraceAssertionErrorTest {
  private final AgentTrace weather = Traces.weather();
  private final ToolInvocation getWeather = weather.toolInvocations().get(0);

  @Test
  void carriesHeadlineExpectedActualMarkedSpanAndTrace() {
    TraceAssertionError error = catchThrowableOfType(TraceAssertionError.class,
        () -> assertThat(weather).neverCalledTool("get_weather"));

    assertThat(error.expectation()).isEqualTo("tool 'get_weather' never to be called");
    assertThat(error.finding()).isEqualTo("it was called 1 time(s), first with {\"city\":\"Paris\"}");
    assertThat(error.headline()).isEqualTo("Expecting " + error.expectation() + "\nbut " + error.finding());
    assertThat(error.getExpected().getValue()).isEqualTo(0);
    assertThat(error.getActual().getValue()).isEqualTo(1);
    assertThat(error.markedSpanId()).contains(getWeather.span().spanId());
    assertThat(error.trace()).containsSame(weather);
    assertThat(error.nearMiss()).isEmpty();
    assertThat(error.traceFile()).isEmpty();
    assertThat(error.reportFile()).isEmpty();
    assertThat(error.getMessage()).startsWith("\n" + error.headline() + "\n\nTrace (▶ marks the span in question):\n")
        .contains("▶ execute_tool get_weather").isSameAs(error.getMessage());
  }

  @Test
  void aShortSelectionCarriesItsNearMissTableAsRows() {
    TraceAssertionError error = catchThrowableOfType(TraceAssertionError.class, () -> assertThat(weather).toolCalls()
        .named("get_*").withArguments("{\"city\":\"Rome\"}").hasSize(1));

    NearMissTable nearMiss = error.nearMiss().orElseThrow();
    assertThat(nearMiss.spanId()).isEqualTo(getWeather.span().spanId());
    assertThat(nearMiss.title()).startsWith("Closest tool call: execute_tool get_weather (span ");
    assertThat(nearMiss.rows()).containsExactly(new NearMissTable.Row("name", "get_*", "get_weather", true),
        new NearMissTable.Row("arguments", "{\"city\":\"Rome\"}", "{\"city\":\"Paris\"}", false));
    assertThat(error.markedSpanId()).contains(nearMiss.spanId());
    assertThat(error.getMessage()).contains(nearMiss.render());
  }

  @Test
  void withOutputsNamesTheTraceFileAndReportAndKeepsEverythingElse() {
    TraceAssertionError error = catchThrowableOfType(TraceAssertionError.class,
        () -> assertThat(weather).hasSegmentCount(3));
    Path traceFile = Path.of("target", "traces", "weather.trace.txt");
    Path report = Path.of("target", "reports", "weather.html");

    TraceAssertionError located = error.withOutputs(traceFile, report);

    assertThat(located.traceFile()).contains(traceFile);
    assertThat(located.reportFile()).contains(report);
    assertThat(located.getMessage()).startsWith(error.getMessage())
        .endsWith("\nTrace file: " + traceFile + "\nHTML report: " + report + "\n");
    assertThat(located.getStackTrace()).isEqualTo(error.getStackTrace());
    assertThat(located.getExpected().getValue()).isEqualTo(3);
    assertThat(located.getActual().getValue()).isEqualTo(2);
    assertThat(located.headline()).isEqualTo(error.headline());
    assertThat(located.trace()).containsSame(weather);
    assertThat(error.getMessage()).doesNotContain("HTML report");
    assertThat(error.withOutputs(traceFile, null).getMessage()).endsWith("\nTrace file: " + traceFile + "\n");
  }

  @Test
  void honoursTheDescriptionAndAnOverridingMessage() {
    TraceAssertionError described = catchThrowableOfType(TraceAssertionError.class,
        () -> assertThat(weather).as("weather run").hasLlmCallCount(5));
    assertThat(described.getMessage()).startsWith("[weather run] \nExpecting 5 LLM call(s)\nbut the trace has 2\n");
    assertThat(described.headline()).startsWith("[weather run] Expecting 5 LLM call(s)");

    TraceAssertionError overridden = catchThrowableOfType(TraceAssertionError.class,
        () -> assertThat(weather).withFailMessage("too many calls").hasLlmCallCount(5));
    assertThat(overridden.getMessage()).isEqualTo("too many calls");
    assertThat(overridden.markedSpanId()).isPresent();
  }

  @Test
  void theStackTraceStartsInTheTestAlsoWhenAShortcutDelegatedToASelection() {
    TraceAssertionError error = catchThrowableOfType(TraceAssertionError.class,
        () -> assertThat(weather).hasToolCallCount(2));

    assertThat(error.getStackTrace()[0].getClassName()).startsWith(TraceAssertionErrorTest.class.getName());
  }

  @Test
  void aBudgetMarksTheFirstCallTooMany() {
    LlmCall second = weather.llmCalls().get(1);
    TraceAssertionError error = catchThrowableOfType(TraceAssertionError.class,
        () -> assertThat(weather).hasLlmCallCountAtMost(1));

    assertThat(error.markedSpanId()).contains(second.span().spanId());
    assertThat(error.getMessage()).contains("Expecting at most 1 LLM call\nbut the trace used 2");
  }

  @Test
  void allSatisfyListsTheHeadlineOfEachFailingElementAndPrintsTheTreeOnce() {
    TraceAssertionError error = catchThrowableOfType(TraceAssertionError.class,
        () -> assertThat(weather).toolCalls().allSatisfy(call -> call.hasName("get_time")));

    assertThat(error.getMessage())
        .contains("but 1 of 1 did not:\nget_weather: Expecting the tool call to be of 'get_time' but it called "
            + "tool 'get_weather'\n")
        .containsOnlyOnce("\nAgentTrace: ");
    assertThat(error.markedSpanId()).contains(getWeather.span().spanId());
  }

  @Test
  void softAssertionsCollectTypedErrorsThatSayWhereInTheTestTheyFailed() {
    SoftAgentTraceAssertions softly = new SoftAgentTraceAssertions();
    softly.assertThat(weather).neverCalledTool("get_weather");
    softly.assertThat(weather).hasToolCallCount(3);
    softly.assertThat(weather).toolCalls().named("get_*").single().hasName("get_time");

    List<AssertionError> collected = softly.assertionErrorsCollected();
    assertThat(collected).hasSize(3).allSatisfy(error -> assertThat(error).isInstanceOf(TraceAssertionError.class));
    assertThat(((TraceAssertionError) collected.get(0)).markedSpanId()).contains(getWeather.span().spanId());
    assertThat(((TraceAssertionError) collected.get(2)).markedSpanId()).contains(getWeather.span().spanId());
    assertThat(collected).allSatisfy(error -> assertThat(error.getMessage())
        .containsOnlyOnce("\nat TraceAssertionErrorTest.softAssertionsCollectTypedErrorsThatSayWhereInTheTestTheyFailed"
            + "(TraceAssertionErrorTest.java:"));

    AssertJMultipleFailuresError all = catchThrowableOfType(AssertJMultipleFailuresError.class, softly::assertAll);
    assertThat(all.getFailures()).hasSize(3).allSatisfy(error -> assertThat(error)
        .isInstanceOf(TraceAssertionError.class));
    assertThat(all.getMessage()).contains("Multiple Failures (3 failures)")
        .contains("-- failure 1 --\nExpecting tool 'get_weather' never to be called\n")
        .contains("-- failure 2 --\nExpecting 3 tool call(s)\nbut the trace has 1: [get_weather]\n")
        .contains("-- failure 3 --\nExpecting the tool call to be of 'get_time'\n");
  }

  @Test
  void everySelectionAssertIsProxiedUnderSoftAssertions() {
    SoftAgentTraceAssertions softly = new SoftAgentTraceAssertions();
    List<AbstractSelectionAssert<?, ?, ?>> selections = List.of(softly.assertThat(weather).toolCalls(),
        softly.assertThat(weather).llmCalls(), softly.assertThat(weather).steps(),
        softly.assertThat(weather).segments(), softly.assertThat(weather).executions(),
        softly.assertThat(weather).errors(), softly.assertThat(weather).spans(),
        softly.assertThat(weather).trajectory());

    for (AbstractSelectionAssert<?, ?, ?> selection : selections) {
      assertThat(selection.getClass().getName()).as("a soft proxy").contains("$ByteBuddy$");
      selection.hasSize(99).named("nothing-*").first();
    }

    assertThat(softly.assertionErrorsCollected()).hasSize(2 * selections.size())
        .allSatisfy(error -> assertThat(error).isInstanceOf(TraceAssertionError.class));
  }
}
