package dev.agenttrace.stubs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.stubs.anthropic.AnthropicStub;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.TraceSpan;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeded chaos: the same seed gives the same faults, each fault carries its seed and looks like the provider's. */
class ChaosTest {
  private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";
  private static final Chaos MIXED = Chaos.seed(42).rateLimits(0.2).serverErrors(0.1).overloaded(0.1)
      .streamCuts(0.1).malformedSse(0.1).malformedToolArguments(0.1);

  private final RawHttp http = new RawHttp();

  @Test
  void theSameSeedGivesTheSameFaultSequence() throws Exception {
    List<String> first = run(MIXED);
    List<String> second = run(MIXED);
    List<String> otherSeed = run(Chaos.seed(7).rateLimits(0.2).serverErrors(0.1).overloaded(0.1)
        .streamCuts(0.1).malformedSse(0.1).malformedToolArguments(0.1));

    assertThat(second).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
    assertThat(first).anyMatch(line -> line.startsWith("200")).anyMatch(line -> line.startsWith("429"))
        .anyMatch(line -> line.contains("STREAM_CUT") || line.contains("MALFORMED"));
  }

  /** 30 alternating plain and streaming calls: each call's status and the faults injected, as text. */
  private List<String> run(Chaos chaos) throws Exception {
    try (OpenAiStub openAi = OpenAiStub.create().start()) {
      openAi.whenAnyRequest().replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
      openAi.chaos(chaos);
      List<String> outcomes = new ArrayList<>();
      for (int call = 0; call < 30; call++) {
        String stream = call % 2 == 0 ? "}" : ",\"stream\":true}";
        HttpResponse<String> response = http.post(openAi.baseUrl() + "/chat/completions", CHAT + stream);
        outcomes.add(response.statusCode() + " " + response.body().length());
      }
      openAi.injectedFaults().forEach(fault -> outcomes.add(fault.toString()));
      return outcomes;
    }
  }

  @Test
  void faultsReplacingTheAnswerNeverReachTheScriptAndCarryTheSeed() throws Exception {
    try (OpenAiStub openAi = OpenAiStub.create().start()) {
      openAi.whenTurn(1).replyWithText("first turn");
      openAi.chaos(Chaos.seed(3).rateLimits(1.0));

      HttpResponse<String> limited = http.post(openAi.baseUrl() + "/chat/completions", CHAT + "}");

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("retry-after-ms")).contains("10");
      assertThat(limited.body()).contains("chaos seed 3 (rate limits 100%)").contains("request #1");
      openAi.chaos(Chaos.seed(3));
      assertThat(http.post(openAi.baseUrl() + "/chat/completions", CHAT + "}").body()).contains("first turn");
      assertThat(openAi.injectedFaults()).isEmpty();
    }
  }

  @Test
  void anthropicIsOverloadedWith529AndSpansCarryTheSeed() throws Exception {
    TraceCapture capture = TraceCapture.create();
    try (AnthropicStub anthropic = AnthropicStub.builder().traceTo(capture).start()) {
      anthropic.whenAnyRequest().replyWithText("hello");
      anthropic.chaos(Chaos.seed(11).overloaded(1.0));

      HttpResponse<String> response = http.post(anthropic.baseUrl() + "/v1/messages",
          "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

      assertThat(response.statusCode()).isEqualTo(529);
      assertThat(response.body()).contains("\"type\":\"overloaded_error\"");
      TraceSpan span = capture.trace().spans().get(0);
      assertThat(span.attribute(SpanConventions.CHAOS_SEED)).contains(11L);
      assertThat(span.attribute(SpanConventions.CHAOS_FAULT)).contains("OVERLOADED");
    } finally {
      capture.close();
    }
  }

  @Test
  void unmatchedRequestReportsNameTheChaos() throws Exception {
    try (OpenAiStub openAi = OpenAiStub.create().start()) {
      openAi.whenLastUserMessageContains("Paris").replyWithText("sunny");
      openAi.chaos(Chaos.seed(5).serverErrors(0.5));
      for (int call = 0; call < 4; call++) {
        http.post(openAi.baseUrl() + "/chat/completions", CHAT + "}");
      }

      assertThatThrownBy(openAi::verifyNoUnmatchedRequests)
          .hasMessageContaining("chaos seed 5 (server errors 50%)")
          .hasMessageContaining("set the same seed to reproduce this run");
      openAi.takeUnmatchedRequests();
    }
  }

  @Test
  void impossibleChaosIsRefusedWithTheReason() {
    assertThatThrownBy(() -> Chaos.seed(1).rateLimits(0.7).serverErrors(0.5))
        .hasMessageContaining("add up to 1.2, more than 1");
    assertThatThrownBy(() -> Chaos.seed(1).rateLimits(-0.1)).hasMessageContaining("between 0 and 1");
  }
}
