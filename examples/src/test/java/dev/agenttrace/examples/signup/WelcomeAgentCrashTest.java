package dev.agenttrace.examples.signup;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;

import dev.agenttrace.assertions.TraceAssertionError;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.stubs.LlmStub;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crash exploration catches a side effect outside the journal: the buggy {@link WelcomeAgent} e-mails from agent
 * code, so every resume sends the e-mail again. The failure names each crash point and the duplicated effect.
 */
@AgentTest
class WelcomeAgentCrashTest {
  private final List<String> sent = new ArrayList<>();

  @BeforeEach
  void stubs(LlmStub llm) {
    llm.whenLastUserMessageContains("welcome").replyWithText("Welcome aboard, Ada!");
  }

  @Test
  void theEmailOutsideAStepIsCaughtWithTheCrashPointAndTheDuplicatedEffect(AgentHarness harness) {
    WelcomeAgent buggy = WelcomeAgent.buggy((to, text) -> sent.add(to));

    assertThatThrownBy(() -> assertThat(harness).survivesCrashesAtEveryPoint(buggy, "ada@example.com",
        crash -> crash.countingEffect("welcome e-mails sent", sent::size)))
        .isInstanceOf(TraceAssertionError.class)
        .hasMessageContaining("Expecting WelcomeAgent to recover exactly once from a crash at each of its 5 crash "
            + "points\nbut 3 of them did not:")
        .hasMessageContaining("✗ crash before timer PT24H (operation #1 of WelcomeAgent)\n"
            + "    - side effect 'welcome e-mails sent' happened 3 times; the uncrashed run: 2 times")
        .hasMessageContaining("move it into ctx.step(...)")
        .hasMessageContaining("Uncrashed run:")
        .hasMessageContaining("Run crashed before timer PT24H (operation #1 of WelcomeAgent) (below)")
        .hasMessageContaining("◀ here");
  }

  @Test
  void theFixedAgentSendsItOnceWhereverItCrashes(AgentHarness harness) {
    WelcomeAgent fixed = WelcomeAgent.fixed((to, text) -> sent.add(to));

    assertThat(harness).survivesCrashesAtEveryPoint(fixed, "ada@example.com",
        crash -> crash.countingEffect("welcome e-mails sent", sent::size));
  }
}
