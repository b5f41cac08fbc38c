package dev.agenttrace.stubs;

import static dev.agenttrace.stubs.AgentStubs.model;
import static dev.agenttrace.stubs.Conversations.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import org.junit.jupiter.api.Test;

class NearMissMessageTest {
  private final LlmStub llm = LlmStub.builder().sleeper(duration -> { }).build();

  private String failureFor(ChatRequest request) {
    return assertThrows(UnmatchedLlmRequestError.class, () -> llm.chat(request)).getMessage();
  }

  private static void assertContains(String message, String expected) {
    assertTrue(message.contains(expected), () -> "expected to find <" + expected + "> in:\n" + message);
  }

  @Test
  void showsTheRequestWithEveryMessageAndTheToolsOffered() {
    ToolCall call = new ToolCall("call_7", "get_weather", "{\"city\":\"Rome\"}");
    ChatRequest request = ChatRequest.of("gpt-4o", Message.system("Be brief."), Message.user("Weather in Rome?"),
        Message.assistant("Checking", java.util.List.of(call)), Message.toolResult(call, "{\"tempC\":21}"))
        .withTools(Conversations.GET_WEATHER, Conversations.GET_TIME);

    String message = failureFor(request);

    assertContains(message, "LlmStub (openai) has no stubbing that matches chat request #1.");
    assertContains(message, "Request (turn 1):");
    assertContains(message, "  model: \"gpt-4o\"");
    assertContains(message, "    1. system: Be brief.");
    assertContains(message, "    2. user: Weather in Rome?");
    assertContains(message, "    3. assistant: Checking / tool_call get_weather({\"city\":\"Rome\"})");
    assertContains(message, "    4. tool: tool_result get_weather → {\"tempC\":21}");
    assertContains(message, "  tools offered: get_weather, get_time");
    assertContains(message, "Stubbings: none registered.");
  }

  @Test
  void aSecretInTheUnmatchedRequestNeverReachesTheMessage() {
    llm.whenLastUserMessageContains("Paris").replyWithText("sunny");

    String message = failureFor(user("Use key sk-proj-Q1w2E3r4T5y6U7i8O9p0Aa and Authorization: Bearer abc.def.ghi123"));

    assertContains(message, "Use key");
    org.assertj.core.api.Assertions.assertThat(message).doesNotContain("sk-proj-Q1w2E3r4", "abc.def.ghi123");
  }

  @Test
  void marksEachCriterionWithExpectedAndActual() {
    llm.whenLastUserMessageContains("Paris").and(model("gpt-4o")).replyWithText("sunny");

    String message = failureFor(user("What's the weather in Rome?"));

    assertContains(message, "1. stubbing #1: last user message contains \"Paris\" and model is \"gpt-4o\" → text \"sunny\"");
    assertContains(message, "1 of 2 criteria matched");
    assertContains(message, "✗ last user message contains \"Paris\"   | actual: \"What's the weather in Rome?\"");
    assertContains(message, "✓ model is \"gpt-4o\"\n");
  }

  @Test
  void alignsTheActualColumnWithinAStubbing() {
    llm.whenModel("gpt-4o-mini").and(AgentStubs.turn(5)).replyWithText("x");

    String message = failureFor(user("hi"));

    assertContains(message, "✗ model is \"gpt-4o-mini\"   | actual: \"gpt-4o\"");
    assertContains(message, "✗ turn is 5                | actual: turn 1");
  }

  @Test
  void listsEveryStubbingClosestFirstThenMostRecent() {
    llm.whenModel("claude").replyWithText("none matched");
    llm.whenModel("gpt-4o").and(AgentStubs.lastUserMessageContains("Paris")).replyWithText("half matched, older");
    llm.whenTurn(3).and(model("gpt-4o")).replyWithText("half matched, newer");
    llm.whenModel("claude-2").replyWithText("none matched, newer");

    String message = failureFor(user("Rome"));

    int newerHalf = message.indexOf("stubbing #3");
    int olderHalf = message.indexOf("stubbing #2");
    int newerNone = message.indexOf("stubbing #4");
    int olderNone = message.indexOf("stubbing #1");
    assertTrue(newerHalf > 0 && newerHalf < olderHalf && olderHalf < newerNone && newerNone < olderNone, message);
    assertContains(message, "Stubbings, closest first (4):");
    assertContains(message, "1. stubbing #3");
    assertContains(message, "4. stubbing #1");
  }

  @Test
  void anExhaustedStubbingIsShownFirstAndSaysSo() {
    llm.whenModel("other").replyWithText("far");
    llm.whenLastUserMessageContains("Paris").replyWithText("near").times(2);
    llm.chat(user("Paris"));
    llm.chat(user("Paris"));

    String message = failureFor(user("Paris"));

    assertContains(message, "1. stubbing #2: last user message contains \"Paris\" → text \"near\" ×2");
    assertContains(message, "1 of 1 criteria matched; exhausted: already answered 2 times, its limit");
    assertContains(message, "chat request #3");
  }

  @Test
  void saysWhatToDo() {
    llm.whenModel("claude").replyWithText("x");

    String message = failureFor(user("What's the weather in Rome?"));

    assertContains(message, "What to do: add a stubbing that matches this request, for example\n"
        + "  llm.whenLastUserMessageContains(\"What's the weather in Rome?\").replyWithText(\"...\");");
  }

  @Test
  void suggestsAToolResultStubbingAfterAToolResult() {
    String message = failureFor(Conversations.afterToolResult("Paris?", "get_weather", "{}"));

    assertContains(message, "llm.whenLastMessageIsToolResult(\"get_weather\").replyWithText(\"...\");");
  }

  @Test
  void abbreviatesLongTextWithItsLength() {
    llm.whenLastUserMessageContains("Paris").replyWithText("x");
    String longQuestion = "Tell me everything. ".repeat(30);

    String message = failureFor(user(longQuestion));

    assertContains(message, "… (600 chars)");
    assertFalse(message.contains(longQuestion), message);
    assertContains(message, "| actual: \"" + longQuestion.substring(0, Text.MAX_CODE_POINTS) + "… (600 chars)\"");
  }

  @Test
  void percentSignsAndNewlinesPrintLiterally() {
    llm.whenLastUserMessageContains("100%s done").replyWithText("x");

    String message = failureFor(user("Is it 50%d %n%s off?\nSecond line\tend"));

    assertContains(message, "1. user: Is it 50%d %n%s off?\\nSecond line\\tend");
    assertContains(message, "last user message contains \"100%s done\"");
    assertContains(message, "| actual: \"Is it 50%d %n%s off?\\nSecond line\\tend\"");
    assertContains(message, "llm.whenLastUserMessageContains(\"Is it 50%d %n%s off?\\nSecond line\\tend\")");
  }

  @Test
  void nonAsciiTextSurvivesAndIsCutOnCodePoints() {
    llm.whenLastUserMessageContains("Zürich").replyWithText("x");
    String emojis = "🌤".repeat(100);

    String message = failureFor(user("Wie ist das Wetter in Köln? 天気 " + emojis));

    assertContains(message, "contains \"Zürich\"");
    assertContains(message, "Wetter in Köln? 天気 🌤");
    assertContains(message, "… (131 chars)");
    assertFalse(message.contains("\uFFFD"), message);
    for (int i = 0; i < message.length(); i++) {
      if (Character.isHighSurrogate(message.charAt(i))) {
        assertTrue(Character.isLowSurrogate(message.charAt(i + 1)), "split surrogate pair at " + i);
      }
    }
  }

  @Test
  void exposesTheRequestAndTurn() {
    llm.whenTurn(1).replyWithText("first");
    llm.chat(user("a"));
    ChatRequest second = user("b");

    UnmatchedLlmRequestError error = assertThrows(UnmatchedLlmRequestError.class, () -> llm.chat(second));

    assertSame(second, error.request());
    assertEquals(2, error.turn());
  }

  @Test
  void requestWithoutUserMessageSuggestsAModelStubbing() {
    String message = failureFor(ChatRequest.of("gpt-4o", Message.system("only system")));

    assertContains(message, "llm.whenModel(\"gpt-4o\")");
  }

  @Test
  void unmatchedLastMessageCriterionShowsTheLastMessage() {
    llm.whenLastMessageIsToolResult("get_weather").replyWithText("x");

    String message = failureFor(user("Paris"));

    assertContains(message, "✗ last message is a tool result of get_weather   | actual: user: Paris");
  }
}
