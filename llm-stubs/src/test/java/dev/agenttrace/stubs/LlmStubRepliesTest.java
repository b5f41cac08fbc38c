package dev.agenttrace.stubs;

import static dev.agenttrace.stubs.AgentStubs.toolCall;
import static dev.agenttrace.stubs.Conversations.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.LlmException;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmStubRepliesTest {
  private final List<Duration> slept = new ArrayList<>();
  private final LlmStub llm = LlmStub.builder().sleeper(slept::add).build();

  @Test
  void textReplyHasDeterministicDefaults() {
    llm.whenAnyRequest().replyWithText("Hello");

    ChatResponse first = llm.chat(user("Hi"));
    ChatResponse second = llm.chat(user("Hi again"));

    assertEquals("Hello", first.text());
    assertEquals("resp_1", first.id());
    assertEquals("resp_2", second.id());
    assertEquals("gpt-4o", first.model());
    assertEquals(FinishReason.STOP, first.finishReason());
    assertEquals(List.of(), first.toolCalls());
  }

  @Test
  void defaultUsageIsOneTokenPerFourCharactersRoundedUp() {
    llm.whenAnyRequest().replyWithText("12345");

    ChatResponse response = llm.chat(user("123456789"));

    assertEquals(Usage.of(3, 2), response.usage());
  }

  @Test
  void defaultUsageIsAtLeastOneToken() {
    llm.whenAnyRequest().replyWithText("");

    assertEquals(Usage.of(1, 1), llm.chat(user("")).usage());
  }

  @Test
  void defaultUsageCountsToolCallsAndToolResults() {
    llm.whenAnyRequest().replyWithToolCall("abcd", "1234");

    ChatResponse response = llm.chat(Conversations.afterToolResult("q", "get_weather", "12345678"));

    // input: "q"(1) + "get_weather"(11) + {"city":"Paris"}(16) + "12345678"(8) = 36 chars; output: 8 chars
    assertEquals(Usage.of(9, 2), response.usage());
  }

  @Test
  void toolCallReplyGetsSequentialCallIdsAndToolCallFinishReason() {
    llm.whenAnyRequest().replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");

    ChatResponse first = llm.chat(user("Paris?"));
    ChatResponse second = llm.chat(user("Paris?"));

    assertEquals(List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")), first.toolCalls());
    assertEquals("call_2", second.toolCalls().get(0).id());
    assertEquals(FinishReason.TOOL_CALL, first.finishReason());
  }

  @Test
  void parallelToolCallsKeepGivenIdsAndFillMissingOnes() {
    llm.whenAnyRequest().replyWithToolCalls(
        toolCall("get_weather", "{\"city\":\"Paris\"}"),
        new ToolCall("mine", "get_time", "{}"),
        toolCall("get_weather", "{\"city\":\"Rome\"}"));

    List<ToolCall> calls = llm.chat(user("Paris and Rome")).toolCalls();

    assertEquals(List.of("call_1", "mine", "call_2"), calls.stream().map(ToolCall::id).toList());
    assertEquals(List.of("get_weather", "get_time", "get_weather"), calls.stream().map(ToolCall::name).toList());
  }

  @Test
  void modifiersOverrideDefaults() {
    llm.whenAnyRequest().replyWithText("cut")
        .withUsage(100, 7)
        .withFinishReason(FinishReason.LENGTH)
        .withResponseModel("gpt-4o-2024-08-06")
        .withResponseId("chatcmpl-42");

    ChatResponse response = llm.chat(user("Hi"));

    assertEquals(Usage.of(100, 7), response.usage());
    assertEquals(FinishReason.LENGTH, response.finishReason());
    assertEquals("gpt-4o-2024-08-06", response.model());
    assertEquals("chatcmpl-42", response.id());
  }

  @Test
  void configuredResponseModelAppliesWhenTheReplySetsNone() {
    LlmStub stub = LlmStub.builder().responseModel("gpt-4o-mini-2024").build();
    stub.whenAnyRequest().replyWithText("ok");

    assertEquals("gpt-4o-mini-2024", stub.chat(user("Hi")).model());
  }

  @Test
  void providerNameDefaultsToOpenAiAndIsConfigurable() {
    assertEquals("openai", LlmStub.create().providerName());
    assertEquals("anthropic", LlmStub.builder().providerName("anthropic").build().providerName());
  }

  @Test
  void replyReturnsTheGivenResponseAndModifiersOverrideIt() {
    ChatResponse given = new ChatResponse("r", "m", Message.assistant("given"), FinishReason.STOP, Usage.of(1, 2));
    llm.whenTurn(1).reply(given);
    llm.whenTurn(2).reply(given).withUsage(5, 6);

    assertSame(given, llm.chat(user("a")));
    ChatResponse modified = llm.chat(user("b"));
    assertEquals(Usage.of(5, 6), modified.usage());
    assertEquals("given", modified.text());
    assertEquals("r", modified.id());
  }

  @Test
  void replyWithComputesTheResponseFromTheRequest() {
    llm.whenAnyRequest().replyWith(request -> new ChatResponse("id-" + request.messages().size(), request.model(),
        Message.assistant("echo: " + request.lastUserText()), FinishReason.STOP, null));

    ChatResponse response = llm.chat(user("ping"));

    assertEquals("echo: ping", response.text());
    assertEquals("id-1", response.id());
  }

  @Test
  void failWithThrowsTheExactException() {
    LlmException overloaded = new LlmException("overloaded_error", 529, "Overloaded");
    llm.whenAnyRequest().failWith(overloaded);

    LlmException thrown = assertThrows(LlmException.class, () -> llm.chat(user("Hi")));
    LlmException again = assertThrows(LlmException.class, () -> llm.chat(user("Hi")));

    assertSame(overloaded, thrown);
    assertSame(overloaded, again);
    assertEquals("overloaded_error", thrown.errorType());
    assertEquals(529, thrown.statusCode());
  }

  @Test
  void failWithRateLimitAndServerErrorCarryTypeAndStatus() {
    llm.whenTurn(1).failWithRateLimit();
    llm.whenTurn(2).failWithServerError();

    LlmException rateLimit = assertThrows(LlmException.class, () -> llm.chat(user("a")));
    LlmException serverError = assertThrows(LlmException.class, () -> llm.chat(user("b")));

    assertEquals("rate_limit_exceeded", rateLimit.errorType());
    assertEquals(429, rateLimit.statusCode());
    assertEquals("server_error", serverError.errorType());
    assertEquals(500, serverError.statusCode());
  }

  @Test
  void latencyGoesToTheSleeperAndNeverReallySleeps() {
    llm.whenAnyRequest().replyWithText("slow").withLatency(Duration.ofSeconds(30));

    llm.chat(user("Hi"));

    assertEquals(List.of(Duration.ofSeconds(30)), slept, "the whole latency went to the sleeper, nothing else waited");
  }

  @Test
  void latencyAppliesBeforeAFailureToo() {
    llm.whenAnyRequest().failWithRateLimit().withLatency(Duration.ofMillis(250));

    assertThrows(LlmException.class, () -> llm.chat(user("Hi")));

    assertEquals(List.of(Duration.ofMillis(250)), slept);
  }

  @Test
  void noLatencyMeansTheSleeperIsNotCalled() {
    llm.whenAnyRequest().replyWithText("fast");

    llm.chat(user("Hi"));

    assertEquals(List.of(), slept);
  }

  @Test
  void invalidModifiersAreRejected() {
    ReplyChain chain = llm.whenAnyRequest().replyWithText("x");

    assertThrows(IllegalArgumentException.class, () -> chain.times(0));
    assertThrows(IllegalArgumentException.class, () -> chain.withLatency(Duration.ofMillis(-1)));
    assertThrows(IllegalArgumentException.class, () -> chain.withUsage(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> llm.whenAnyRequest().replyWithToolCalls());
    assertThrows(IllegalArgumentException.class, () -> llm.whenTurn(0));
  }

  @Test
  void requestsAreRecordedInOrderIncludingUnmatchedOnes() {
    llm.whenLastUserMessageContains("known").replyWithText("ok");
    ChatRequest first = user("known question");
    ChatRequest second = user("another question");

    llm.chat(first);
    assertThrows(UnmatchedLlmRequestError.class, () -> llm.chat(second));

    assertEquals(List.of(first, second), llm.requests());
    assertEquals(2, llm.requestCount());
  }
}
