package dev.agenttrace.assertions;

import static dev.agenttrace.assertions.AgentTraceAssertions.TOOL_INVOCATION;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;

import dev.agenttrace.trace.AgentTrace;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Soft assertions collect every failure, along whole navigation chains; JUnit injection works. */
@ExtendWith(SoftAssertionsExtension.class)
class SoftAgentTraceAssertionsTest {
  private final AgentTrace weather = Traces.weather();

  @InjectSoftAssertions
  private SoftAgentTraceAssertions injected;

  @Test
  void collectsEveryFailureOfAChainThenReportsThemTogether() {
    SoftAgentTraceAssertions softly = new SoftAgentTraceAssertions();
    softly.assertThat(weather).hasSegmentCount(3);
    softly.assertThat(weather).toolCalls().named("get_*").first().hasArguments("{\"city\":\"Rome\"}")
        .hasResultContaining("sunny");
    softly.assertThat(weather).toolCalls().named("book_*").first().hasArguments("{}");
    softly.assertThat(weather).llmCall(1).hasOutputText("20°C");
    softly.assertThat(weather).trajectory().containsExactly("chat", "chat");

    assertThat(softly.errorsCollected()).hasSize(7);
    assertThatThrownBy(softly::assertAll)
        .hasMessageContaining("Multiple Failures (7 failures)")
        .hasMessageContaining("Expecting the trace to have 3 execution segment(s)")
        .hasMessageContaining("Expecting tool 'get_weather' to be called with {\"city\":\"Rome\"}")
        .hasMessageContaining("Expecting the result of tool 'get_weather' to contain \"sunny\"")
        .hasMessageContaining("Expecting the first tool calls named \"book_*\"")
        .hasMessageContaining("Expecting the LLM call to reply \"20°C\"")
        .hasMessageContaining("Expecting the trajectory steps to be exactly [chat, chat]");
  }

  @Test
  void assertSoftlyPassesWhenAllHold() {
    SoftAgentTraceAssertions.assertSoftly(softly -> {
      softly.assertThat(weather).hasSegmentCount(2).toolCalls().hasSize(1).first().succeeded();
      softly.assertThat(weather.llmCalls().get(0)).hasModel("gpt-4o");
    });
  }

  @Test
  void injectedSoftAssertionsWork() {
    injected.assertThat(weather).hasNoErrors().trajectory().containsExactly("chat", "get_weather", "chat");
    injected.assertThat(weather.toolInvocations().get(0)).hasName("get_weather");
    assertThat((Object) weather.toolInvocations().get(0)).asInstanceOf(TOOL_INVOCATION).hasName("get_weather");
  }
}
