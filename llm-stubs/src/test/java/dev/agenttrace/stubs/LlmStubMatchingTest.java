package dev.agenttrace.stubs;

import static dev.agenttrace.stubs.AgentStubs.lastMessageIsToolResult;
import static dev.agenttrace.stubs.AgentStubs.lastUserMessageContains;
import static dev.agenttrace.stubs.AgentStubs.model;
import static dev.agenttrace.stubs.AgentStubs.request;
import static dev.agenttrace.stubs.AgentStubs.toolsOffered;
import static dev.agenttrace.stubs.AgentStubs.turn;
import static dev.agenttrace.stubs.Conversations.afterToolResult;
import static dev.agenttrace.stubs.Conversations.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmStubMatchingTest {
  private final LlmStub llm = LlmStub.builder().sleeper(duration -> { }).build();

  @Test
  void weatherAgentConversation() {
    llm.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    llm.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny in Paris.");

    assertEquals("get_weather", llm.chat(user("Weather in Paris?")).toolCalls().get(0).name());
    assertEquals("18°C and sunny in Paris.",
        llm.chat(afterToolResult("Weather in Paris?", "get_weather", "{\"tempC\":18}")).text());
  }

  @Test
  void lastUserMessageContainsLooksAtTheLastUserMessageOnly() {
    llm.whenLastUserMessageContains("Paris").replyWithText("paris");
    ChatRequest parisEarlier = ChatRequest.of("gpt-4o", Message.user("Paris?"), Message.assistant("Sure"),
        Message.user("And Rome?"));

    assertThrows(UnmatchedLlmRequestError.class, () -> llm.chat(parisEarlier));
    assertEquals("paris", llm.chat(parisEarlier.withMessage(Message.user("Back to Paris"))).text());
  }

  @Test
  void lastUserMessageMatchesFindsTheRegex() {
    llm.whenLastUserMessageMatches("weather in \\p{Lu}\\w+").replyWithText("matched");

    assertEquals("matched", llm.chat(user("What is the weather in Oslo today?")).text());
    assertThrows(UnmatchedLlmRequestError.class, () -> llm.chat(user("what is the weather in oslo")));
  }

  @Test
  void lastMessageIsToolResultChecksTheToolName() {
    llm.whenLastMessageIsToolResult("get_time").replyWithText("time");
    llm.when(lastMessageIsToolResult()).replyWithText("any tool");

    assertEquals("any tool", llm.chat(afterToolResult("q", "get_weather", "{}")).text());
    assertThrows(UnmatchedLlmRequestError.class, () -> llm.chat(user("no tool result")));
  }

  @Test
  void turnCountsChatCallsFromOne() {
    llm.whenTurn(2).replyWithText("second");
    llm.whenTurn(1).replyWithText("first");

    assertEquals("first", llm.chat(user("a")).text());
    assertEquals("second", llm.chat(user("a")).text());
    assertThrows(UnmatchedLlmRequestError.class, () -> llm.chat(user("a")));
  }

  @Test
  void modelAndToolsOffered() {
    llm.whenModel("gpt-4o-mini").replyWithText("mini");
    llm.whenToolsOffered("get_weather", "get_time").replyWithText("both tools");

    assertEquals("mini", llm.chat(ChatRequest.of("gpt-4o-mini", Message.user("x"))).text());
    assertEquals("both tools", llm.chat(user("x").withTools(Conversations.GET_TIME, Conversations.GET_WEATHER))
        .text());
    assertThrows(UnmatchedLlmRequestError.class, () -> llm.chat(user("only get_weather offered")));
  }

  @Test
  void whenRequestUsesThePredicate() {
    llm.whenRequest(request -> request.temperature() != null && request.temperature() == 0.0, "temperature 0")
        .replyWithText("deterministic");

    assertEquals("deterministic", llm.chat(user("x").withTemperature(0.0)).text());
    assertThrows(UnmatchedLlmRequestError.class, () -> llm.chat(user("x")));
  }

  @Test
  void throwingPredicateCountsAsNoMatch() {
    llm.whenRequest(request -> {
      throw new IllegalStateException("boom");
    }, "explodes").replyWithText("never");

    UnmatchedLlmRequestError error = assertThrows(UnmatchedLlmRequestError.class, () -> llm.chat(user("x")));
    assertTrue(error.getMessage().contains("predicate threw IllegalStateException: boom"), error.getMessage());
  }

  @Test
  void matchersComposeWithAnd() {
    RequestMatcher matcher = turn(2).and(model("gpt-4o")).and(lastUserMessageContains("Paris"));
    llm.when(matcher).replyWithText("composed");
    llm.whenAnyRequest().replyWithText("fallback").once();

    assertEquals("turn is 2 and model is \"gpt-4o\" and last user message contains \"Paris\"",
        matcher.description());
    assertFalse(matcher.matches(user("Paris"), 1));
    assertTrue(matcher.matches(user("Paris"), 2));
    assertEquals("fallback", llm.chat(user("Paris")).text());
    assertEquals("composed", llm.chat(user("Paris")).text());
  }

  @Test
  void stubbingAndNarrowsTheMatcher() {
    llm.whenLastUserMessageContains("Paris").and(toolsOffered("get_time")).replyWithText("narrow");

    assertThrows(UnmatchedLlmRequestError.class, () -> llm.chat(user("Paris")));
    assertEquals("narrow", llm.chat(user("Paris").withTools(Conversations.GET_TIME)).text());
  }

  @Test
  void customMatcherFromAgentStubs() {
    llm.when(request(r -> r.messages().size() == 2, "two messages")).replyWithText("two");

    assertEquals("two", llm.chat(ChatRequest.of("m", Message.system("s"), Message.user("u"))).text());
  }

  @Test
  void mostRecentMatchingStubbingWins() {
    llm.whenAnyRequest().replyWithText("general");
    llm.whenLastUserMessageContains("Paris").replyWithText("specific");

    assertEquals("specific", llm.chat(user("Paris")).text());
    assertEquals("general", llm.chat(user("Rome")).text());

    llm.whenAnyRequest().replyWithText("override");
    assertEquals("override", llm.chat(user("Paris")).text());
  }

  @Test
  void timesLimitsAStubbingThenOlderOnesAnswer() {
    llm.whenAnyRequest().replyWithText("fallback");
    llm.whenAnyRequest().replyWithText("limited").times(2);

    assertEquals("limited", llm.chat(user("a")).text());
    assertEquals("limited", llm.chat(user("a")).text());
    assertEquals("fallback", llm.chat(user("a")).text());
  }

  @Test
  void onceThenUnmatchedWhenNothingElseMatches() {
    llm.whenAnyRequest().replyWithText("only once").once();

    llm.chat(user("a"));
    UnmatchedLlmRequestError error = assertThrows(UnmatchedLlmRequestError.class, () -> llm.chat(user("a")));
    assertTrue(error.getMessage().contains("exhausted: already answered 1 time, its limit"), error.getMessage());
  }

  @Test
  void consecutiveRepliesThenTheLastRepeats() {
    llm.whenAnyRequest()
        .replyWithToolCall("get_weather", "{}")
        .thenFailWithRateLimit()
        .thenReplyWithText("done");

    assertTrue(llm.chat(user("a")).hasToolCalls());
    assertEquals(429, assertThrows(LlmException.class, () -> llm.chat(user("a"))).statusCode());
    assertEquals("done", llm.chat(user("a")).text());
    assertEquals("done", llm.chat(user("a")).text());
  }

  @Test
  void timesAppliesToEachReplyOfAChain() {
    llm.whenAnyRequest().replyWithText("a").times(2).thenReplyWithText("b").once();

    assertEquals(List.of("a", "a", "b"),
        List.of(llm.chat(user("x")).text(), llm.chat(user("x")).text(), llm.chat(user("x")).text()));
    assertThrows(UnmatchedLlmRequestError.class, () -> llm.chat(user("x")));
  }

  @Test
  void everyThenVariantAnswersInOrder() {
    LlmException custom = new LlmException("invalid_request_error", 400, "bad");
    dev.agenttrace.llm.ChatResponse fixed = new dev.agenttrace.llm.ChatResponse("fixed", "m",
        Message.assistant("fixed"), dev.agenttrace.llm.FinishReason.STOP, null);
    llm.whenAnyRequest().replyWithText("1")
        .thenReplyWithToolCalls(AgentStubs.toolCall("t", "{}"))
        .thenReply(fixed)
        .thenReplyWith(r -> fixed)
        .thenFailWith(custom)
        .thenFailWithServerError()
        .thenReplyWithToolCall("u", "{}");

    assertEquals("1", llm.chat(user("x")).text());
    assertEquals("t", llm.chat(user("x")).toolCalls().get(0).name());
    assertEquals("fixed", llm.chat(user("x")).id());
    assertEquals("fixed", llm.chat(user("x")).id());
    assertEquals(custom, assertThrows(LlmException.class, () -> llm.chat(user("x"))));
    assertEquals(500, assertThrows(LlmException.class, () -> llm.chat(user("x"))).statusCode());
    assertEquals("u", llm.chat(user("x")).toolCalls().get(0).name());
  }

  @Test
  void unusedStubsListsStubbingsThatNeverAnswered() {
    llm.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    ReplyChain unused = llm.whenLastMessageIsToolResult("get_weather").replyWithText("18°C").times(2);

    llm.chat(user("Paris"));

    assertEquals(List.of("last message is a tool result of get_weather → text \"18°C\" ×2"), llm.unusedStubs());
    assertEquals(llm.unusedStubs().get(0), unused.toString());
  }

  @Test
  void stubsAreIndependentInstances() {
    LlmStub other = AgentStubs.llmStub();
    llm.whenAnyRequest().replyWithText("mine");
    other.whenAnyRequest().replyWithText("theirs");

    assertEquals("resp_1", llm.chat(user("x")).id());
    assertEquals("resp_2", llm.chat(user("x")).id());
    assertEquals("resp_1", other.chat(user("x")).id());
    assertEquals(1, other.requestCount());
  }
}
