package dev.agenttrace.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.assertions.AgentTraceAssertions;
import dev.agenttrace.assertions.TraceAssertionError;
import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.stubs.LlmStub;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A trace assertion's failure is redacted by the run's configured policy, not only by the built-in rules. */
class ConfiguredRedactionTest {
  private static final String IN_HOUSE_TOKEN = "ACME-7731-9912-4410";

  @AgentTest
  static class LeaksAnInHouseToken {
    @Test
    void failsOnTheAnswer(AgentHarness harness, LlmStub llm) {
      llm.whenAnyRequest().replyWithText("your token is " + IN_HOUSE_TOKEN);
      AgentTraceAssertions.assertThat(harness.run(Agents.oneShot(), "token?").trace())
          .llmCall(0).hasOutputText("something else entirely");
    }
  }

  @Test
  void aConfiguredPatternRedactsTheFailureMessageExpectedAndActual() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(LeaksAnInHouseToken.class,
        Map.of(RedactionPolicy.PATTERNS_PROPERTY, "ACME-\\d{4}-\\d{4}-\\d{4}")));

    assertThat(failure).isInstanceOf(TraceAssertionError.class);
    TraceAssertionError error = (TraceAssertionError) failure;
    assertThat(error.getMessage()).contains("your token is").doesNotContain(IN_HOUSE_TOKEN);
    assertThat(String.valueOf(error.getActual().getValue())).doesNotContain(IN_HOUSE_TOKEN);
  }
}
