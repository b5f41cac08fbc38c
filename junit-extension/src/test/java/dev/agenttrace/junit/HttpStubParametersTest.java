package dev.agenttrace.junit;

import static dev.agenttrace.junit.TestKit.onlyFailure;
import static dev.agenttrace.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.stubs.anthropic.AnthropicStub;
import dev.agenttrace.stubs.openai.OpenAiStub;
import dev.agenttrace.trace.AgentTrace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@code OpenAiStub} / {@code AnthropicStub} parameters: per test, traced into the test, checked after it. */
class HttpStubParametersTest {

  static String post(String url, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  static String chat(OpenAiStub stub, String question) throws Exception {
    return post(stub.baseUrl() + "/chat/completions",
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + question + "\"}]}");
  }

  @AgentTest
  static class UsesBothStubs {
    @Test
    void stubsAreStartedTracedAndTheSameWithinATest(OpenAiStub openAi, OpenAiStub sameOpenAi, AnthropicStub anthropic,
        Supplier<AgentTrace> trace) throws Exception {
      assertThat(sameOpenAi).isSameAs(openAi);
      assertThat(anthropic.baseUrl()).isNotEqualTo(openAi.baseUrl());
      openAi.whenLastUserMessageContains("Paris").replyWithText("Sunny in Paris.");

      assertThat(chat(openAi, "Weather in Paris?")).contains("Sunny in Paris.");

      assertThat(trace.get().llmCalls()).singleElement()
          .satisfies(call -> assertThat(call.outputText()).isEqualTo("Sunny in Paris."));
    }
  }

  @Test
  void stubParametersAreStartedPerTestAndTheirCallsTraced() {
    run(UsesBothStubs.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @AgentTest
  static class SwallowsAnUnmatchedRequest {
    @Test
    void theClientSwallowsTheError(OpenAiStub openAi) throws Exception {
      openAi.whenLastUserMessageContains("Paris").replyWithText("Sunny in Paris.");
      String body = chat(openAi, "Weather in Rome?");   // an agent that ignores the error body
      assertThat(body).contains("error");
    }
  }

  @Test
  void anUnmatchedRequestFailsTheTestEvenWhenTheClientSwallowedTheError() {
    Throwable failure = onlyFailure(run(SwallowsAnUnmatchedRequest.class));

    assertThat(failure).isInstanceOf(AssertionError.class)
        .hasMessageContaining("Weather in Rome?")
        .hasMessageContaining("last user message contains \"Paris\"");
  }
}
