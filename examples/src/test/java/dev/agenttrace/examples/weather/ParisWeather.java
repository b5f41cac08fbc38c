package dev.agenttrace.examples.weather;

import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;

/** The scripted world of the weather tests: the model asks for Paris' weather, the tool answers, the model sums up. */
public final class ParisWeather {
  public static final String QUESTION = "What's the weather in Paris?";
  public static final String ANSWER = "18°C and sunny in Paris.";

  private ParisWeather() {}

  public static void stub(LlmStub llm, ToolStubs tools) {
    llm.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    llm.whenLastMessageIsToolResult("get_weather").replyWithText(ANSWER);
    tools.stub("get_weather").returns("{\"tempC\":18,\"sky\":\"sunny\"}");
  }
}
