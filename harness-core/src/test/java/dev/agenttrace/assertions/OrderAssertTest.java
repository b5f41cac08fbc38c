package dev.agenttrace.assertions;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;

import dev.agenttrace.trace.AgentTrace;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Order modes over tool calls, LLM calls and whole trajectories. */
class OrderAssertTest {
  private final AgentTrace weather = Traces.weather();
  private final AgentTrace workflow = Traces.workflow();

  @Test
  void trajectoriesAndCallsInEveryOrderMode() {
    assertThat(weather).trajectory()
        .containsExactly("chat", "get_weather", "chat")
        .containsInOrder("get_weather", "chat")
        .containsExactlyInAnyOrder("chat", "chat", "get_*")
        .isSubsetOf("chat", "get_weather", "get_time")
        .contains("get_weather")
        .happensBefore("get_weather", "chat");
    assertThat(workflow).trajectory().containsExactly("load-order", "chat", "get_weather", "notify", "chat");
    assertThat(weather).llmCalls().containsExactly("gpt-4o", "gpt-4o");
    assertThat(weather).toolCalls().containsExactly("get_weather");
  }

  @Test
  void anExactSequenceFailureSaysWhereItDiffers() {
    assertThatThrownBy(() -> assertThat(weather).trajectory().containsExactly("chat", "get_time", "chat"))
        .isInstanceOfSatisfying(AssertionFailedError.class, error -> assertThat(error.getActual().getValue())
            .isEqualTo(java.util.List.of("chat", "get_weather", "chat")))
        .hasMessageContaining("Expecting the trajectory steps to be exactly [chat, get_time, chat]")
        .hasMessageContaining("but element #1 is \"get_weather\", not \"get_time\"; they were [chat, get_weather, chat]");
  }

  @Test
  void otherModesNameWhatIsMissingOrExtra() {
    assertThatThrownBy(() -> assertThat(weather).trajectory().containsInOrder("get_weather", "get_weather"))
        .hasMessageContaining("\"get_weather\" (#1 of the expected order) does not follow \"get_weather\"");
    assertThatThrownBy(() -> assertThat(weather).trajectory().containsExactlyInAnyOrder("chat", "get_weather"))
        .hasMessageContaining("but unexpected [chat]");
    assertThatThrownBy(() -> assertThat(weather).trajectory().isSubsetOf("chat"))
        .hasMessageContaining("these are not among them: [get_weather]");
    assertThatThrownBy(() -> assertThat(weather).toolCalls().contains("get_weather", "book_flight"))
        .hasMessageContaining("but missing [book_flight]");
  }

  @Test
  void happensBeforeMarksTheEarlyOne() {
    assertThat(weather).trajectory().happensBefore("chat", "get_weather").happensBefore("get_weather", "chat*");
    assertThatThrownBy(() -> assertThat(weather).trajectory().happensBefore("get_weather", "book_*"))
        .hasMessageContaining("but \"book_*\" never happens; the order was [chat, get_weather, chat]");
    assertThatThrownBy(() -> assertThat(workflow).trajectory().happensBefore("notify", "load-order"))
        .hasMessageContaining("Expecting \"notify\" to happen before \"load-order\"")
        .hasMessageContaining("but \"load-order\" happens first (#0 vs #3)")
        .hasMessageContaining("▶ step load-order");
  }
}
