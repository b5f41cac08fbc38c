package dev.agenttrace.stubs.http;

import static dev.agenttrace.stubs.AgentStubs.lastUserMessageContains;
import static dev.agenttrace.stubs.AgentStubs.model;
import static dev.agenttrace.stubs.http.StubKind.Conversation.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agenttrace.stubs.LlmReply;
import dev.agenttrace.stubs.LlmScripting;
import dev.agenttrace.stubs.RequestStubbing;
import dev.agenttrace.stubs.http.StubKind.Answer;
import dev.agenttrace.stubs.http.StubKind.Conversation;
import dev.agenttrace.stubs.http.StubKind.StubUnderTest;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code whenX} of {@code LlmScripting} and the reply vocabulary work alike on {@code LlmStub},
 * {@code OpenAiStub} (chat completions and the Responses API), {@code AnthropicStub} and {@code GeminiStub}: the same
 * script, sent the same conversation (in-process, or as each format's JSON over raw HTTP), gives the same answer, and
 * a request it does not match gets a near-miss report marking the same criterion on every one.
 */
class ScriptingOnEveryStubTest {

  /** A {@code whenX}, a conversation it matches, and one it does not with the criterion marked ✗ for it. */
  record Matching(String name, Function<LlmScripting, RequestStubbing> when, Conversation matched,
      Conversation unmatched, String failedCriterion) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Matching> MATCHINGS = List.of(
      new Matching("whenLastUserMessageContains", stub -> stub.whenLastUserMessageContains("Paris"),
          ask("Weather in Paris?"), ask("Weather in Rome?"), "last user message contains \"Paris\""),
      new Matching("whenLastUserMessageMatches", stub -> stub.whenLastUserMessageMatches("weather in \\p{Lu}\\w+"),
          ask("What is the weather in Oslo today?"), ask("what is the weather in oslo"),
          "last user message matches /weather in \\p{Lu}\\w+/"),
      new Matching("whenLastMessageIsToolResult", stub -> stub.whenLastMessageIsToolResult("get_weather"),
          ask("Weather in Paris?").afterToolResult("get_weather", "{\"tempC\":18}"),
          ask("Weather in Paris?").afterToolResult("get_time", "12:00"),
          "last message is a tool result of get_weather"),
      new Matching("whenModel", stub -> stub.whenModel("gpt-4o-mini"),
          ask("Hi").toModel("gpt-4o-mini"), ask("Hi").toModel("gpt-4o"), "model is \"gpt-4o-mini\""),
      new Matching("whenToolsOffered", stub -> stub.whenToolsOffered("get_weather", "get_time"),
          ask("Hi").offering("get_time", "get_weather", "book"), ask("Hi").offering("get_weather"),
          "tools offered include get_weather, get_time"),
      new Matching("whenRequest", stub -> stub.whenRequest(request -> request.messages().size() == 3, "three messages"),
          ask("Weather?").afterToolResult("get_weather", "{}"), ask("Weather?"), "three messages"),
      new Matching("when(matcher.and(matcher))",
          stub -> stub.when(model("gpt-4o").and(lastUserMessageContains("refund"))),
          ask("I want a refund"), ask("I want a refund").toModel("gpt-4o-mini"), "model is \"gpt-4o\""));

  static Stream<Arguments> everyMatchingOnEveryStub() {
    return Stream.of(StubKind.values())
        .flatMap(kind -> MATCHINGS.stream().map(matching -> Arguments.of(kind, matching)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyMatchingOnEveryStub")
  void matchesAlikeOnEveryStub(StubKind kind, Matching matching) {
    try (StubUnderTest stub = kind.start()) {
      matching.when().apply(stub.stub()).replyWithText("matched");

      assertEquals("matched", stub.ask(matching.matched()).text());
      Answer unmatched = stub.ask(matching.unmatched());
      assertNull(unmatched.text(), () -> "expected no stubbing to match, but one answered " + unmatched);
      assertTrue(unmatched.unmatchedReport() != null
              && unmatched.unmatchedReport().contains("✗ " + matching.failedCriterion()),
          () -> "expected a near-miss report marking ✗ '" + matching.failedCriterion() + "' but got " + unmatched);
    }
  }

  @ParameterizedTest
  @EnumSource(StubKind.class)
  void whenAnyRequestAndWhenTurn(StubKind kind) {
    try (StubUnderTest stub = kind.start()) {
      stub.stub().whenAnyRequest().replyWithText("any turn");
      stub.stub().whenTurn(2).replyWithText("turn 2");

      assertEquals("any turn", stub.ask(ask("one")).text());
      assertEquals("turn 2", stub.ask(ask("two")).text());
      assertEquals("any turn", stub.ask(ask("three")).text());
    }
  }

  @ParameterizedTest
  @EnumSource(StubKind.class)
  void oneReplyVocabularyWithModifiersAndConsecutiveReplies(StubKind kind) {
    try (StubUnderTest stub = kind.start()) {
      stub.stub().whenAnyRequest()
          .reply(LlmReply.text("first").withUsage(7, 3).once())
          .thenReply(LlmReply.serverError().once())
          .thenFailWithRateLimit().once()
          .thenReplyWithText("last").withUsage(11, 2);

      assertEquals(new Answer(200, "first", 7, 3, null), stub.ask(ask("1")));
      assertEquals(500, stub.ask(ask("2")).status());
      assertEquals(429, stub.ask(ask("3")).status());
      assertEquals(new Answer(200, "last", 11, 2, null), stub.ask(ask("4")));
      assertEquals(new Answer(200, "last", 11, 2, null), stub.ask(ask("5")));
    }
  }
}
