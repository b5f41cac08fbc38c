package dev.agenttrace.assertions;

import static dev.agenttrace.assertions.AgentTraceAssertions.LLM_CALLS;
import static dev.agenttrace.assertions.AgentTraceAssertions.TOOL_CALLS;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;

import dev.agenttrace.trace.AgentTrace;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One rule for names everywhere: a glob ({@code *} any text, {@code ?} one character; a name without them matches
 * exactly), and a regular expression only through {@code nameMatching}.
 */
class NameRuleTest {
  private final AgentTrace weather = Traces.weather();
  private final AgentTrace workflow = Traces.workflow();

  @Test
  void theTraceShortcutsTakeGlobsLikeTheSelections() {
    assertThat(weather).calledTool("get_*").hasName("get_weather");
    assertThat(weather).calledTool("get_?eather", 1).neverCalledTool("book_*").calledToolsInOrder("get_*");
    assertThatThrownBy(() -> assertThat(weather).neverCalledTool("*_weather"))
        .hasMessageContaining("Expecting tool '*_weather' never to be called");
    assertThatThrownBy(() -> assertThat(weather).calledTool("get_weathe"))
        .hasMessageContaining("Expecting tool 'get_weathe' to be called");
  }

  @Test
  void elementAssertsTakeGlobsForNames() {
    assertThat(weather).toolCalls().single().hasName("get_*");
    assertThat(weather).spans().named("chat *").first().hasName("chat gpt-?o");
    assertThat(weather).llmCall(0).hasModel("gpt-*").requestedTool("get_*")
        .requestedToolWithArguments("*weather", "{\"city\":\"Paris\"}");
    assertThat(weather).llmCall(1).sentToolResult("get_*", "40%");
    assertThat(weather).llmCalls().requestingTool("get_*").hasSize(1);
    assertThat(weather).segment(0).isWaitingOnTools("get_*");
    assertThatThrownBy(() -> assertThat(weather).llmCall(0).hasModel("claude-*"))
        .hasMessageContaining("Expecting the LLM call to use model claude-*");
  }

  @Test
  void regularExpressionsGoThroughNameMatching() {
    assertThat(weather).toolCalls().nameMatching(Pattern.compile("GET_\\w+", Pattern.CASE_INSENSITIVE)).hasSize(1);
    assertThat(workflow).steps().nameMatching("load-(order|cart)").hasSize(1);
    assertThatThrownBy(() -> assertThat(weather).toolCalls().nameMatching(Pattern.compile("GET_.*")).hasSize(1))
        .hasMessageContaining("Expecting exactly 1 tool call with name matching /GET_.*/");
  }

  @Test
  void aSelectionFactoryRefusesASelectionOfAnotherKindSayingWhich() {
    Object llmCalls = assertThat(weather).llmCalls().actual();

    assertThat(llmCalls).asInstanceOf(LLM_CALLS).hasSize(2);
    assertThatThrownBy(() -> assertThat(llmCalls).asInstanceOf(TOOL_CALLS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A ToolCallsAssert asserts on a selection of ToolInvocation elements, but this selection of LLM "
            + "calls holds LlmCall elements; use the factory of that kind instead.");
  }
}
