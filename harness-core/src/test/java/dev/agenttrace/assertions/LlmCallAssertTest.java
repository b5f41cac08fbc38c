package dev.agenttrace.assertions;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;

import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Role;
import dev.agenttrace.trace.AgentTrace;
import org.junit.jupiter.api.Test;

/** Model, messages sent, tools offered, reply content, finish reason and usage of LLM calls. */
class LlmCallAssertTest {
  private final AgentTrace weather = Traces.weather();

  @Test
  void passesOnWhatTheCallsSentAndGot() {
    assertThat(weather).llmCall(0).hasModel("gpt-4o").sentMessage(Role.USER, "Paris").hasMessageCount(1)
        .offeredTools().hasFinishReason(FinishReason.TOOL_CALL)
        .requestedToolWithArguments("get_weather", "{\"city\":\"Paris\"}").hasUsage(20, 6).hasTotalTokensAtMost(26);
    assertThat(weather).llmCall(1).sentToolResult("get_weather", "40%").hasMessageCount(3)
        .hasFinishReason(FinishReason.STOP).hasOutputTextMatching("\\d+°C, .*");
    assertThat(weather).llmCalls().withFinishReason(FinishReason.TOOL_CALL).requestingTool("get_weather").hasSize(1);
  }

  @Test
  void aJsonReplyIsReadAtAPath() {
    AgentTrace workflow = Traces.workflow();
    assertThat(workflow).llmCall(0).sentMessage(Role.USER, "\"sku\":\"é-7\"");
    assertThatThrownBy(() -> assertThat(workflow).llmCall(0).hasOutputJsonValue("$.plan", "x"))
        .hasMessageContaining("Expecting the LLM reply's $.plan to be x").hasMessageContaining("but there is none");
  }

  @Test
  void failuresShowTheConversation() {
    assertThatThrownBy(() -> assertThat(weather).llmCall(1).sentMessage(Role.SYSTEM, "You are"))
        .hasMessageContaining("Expecting the LLM call to send a system message containing \"You are\"")
        .hasMessageContaining("but it sent [user: What's the weather in Paris?, assistant: → [get_weather], "
            + "tool: [get_weather → {\"tempC\":18,\"humidity\":\"40%\"}]]");
    assertThatThrownBy(() -> assertThat(weather).llmCall(0).sentToolResult("get_weather", "x"))
        .hasMessageContaining("but it sent no result of that tool");
    assertThatThrownBy(() -> assertThat(weather).llmCall(0).offeredTools("get_weather"))
        .hasMessageContaining("but it offered [] (missing [get_weather])");
    assertThatThrownBy(() -> assertThat(weather).llmCall(0).hasUsage(20, 7))
        .hasMessageContaining("but it used 20 input and 6 output tokens");
    assertThatThrownBy(() -> assertThat(weather).llmCall(0).requestedToolWithArguments("get_weather", "{\"city\":1}"))
        .hasMessageContaining("but it requested it with [{\"city\":\"Paris\"}]");
  }
}
