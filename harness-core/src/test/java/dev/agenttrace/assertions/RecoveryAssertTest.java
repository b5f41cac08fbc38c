package dev.agenttrace.assertions;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;
import static dev.agenttrace.assertions.AgentTraceAssertions.assertThatThrownBy;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.runtime.VirtualClock;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.ChatSpan;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.SpanWriter;
import io.opentelemetry.context.Context;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code recoveredFromFailures()}: LLM calls that failed, each followed by a success, in start order; the failure
 * lists the calls and names the chaos seed an HTTP stub wrote on them ({@link ChatSpan#recordChaos}).
 */
class RecoveryAssertTest {
  private static final ChatRequest QUESTION = ChatRequest.of("gpt-4o", Message.user("Weather in Paris?"));

  @Test
  void aFailureFollowedBySuccessIsARecovery() {
    AgentTrace trace = calls(false, false, true);

    assertThat(trace).llmCalls().recoveredFromFailures();
    assertThat(trace).llmCalls().withAttribute(SpanConventions.CHAOS_FAULT, "RATE_LIMIT").hasSize(2);
    assertThat(trace).llmCalls().withAttribute(SpanConventions.CHAOS_SEED, 2026L).hasSize(3);
  }

  @Test
  void aLastCallThatFailedIsNoRecoveryAndTheFailureNamesTheSeed() {
    AgentTrace trace = calls(true, false, false);

    assertThatThrownBy(() -> assertThat(trace).llmCalls().recoveredFromFailures())
        .hasMessageContaining("Expecting the agent to recover from failed LLM calls")
        .hasMessageContaining("LLM call #3 failed and no call succeeded after it")
        .hasMessageContaining("#1 ✓ chat gpt-4o")
        .hasMessageContaining("#3 ✗ chat gpt-4o (429)")
        .hasMessageContaining("chaos seed 2026: set the same seed to reproduce this run");
  }

  @Test
  void callsThatNeverFailedHaveNothingToRecoverFrom() {
    assertThatThrownBy(() -> assertThat(calls(true, true)).llmCalls().recoveredFromFailures())
        .hasMessageContaining("no LLM call failed, so there was nothing to recover from");
  }

  /** Chat spans one second apart on a virtual clock, each succeeding or failing with an injected 429. */
  private static AgentTrace calls(boolean... succeeded) {
    VirtualClock clock = VirtualClock.create();
    try (TraceCapture capture = TraceCapture.builder().clock(clock).build()) {
      SpanWriter writer = SpanWriter.of(capture.tracer("recovery-test"));
      for (boolean success : succeeded) {
        ChatSpan span = writer.startChat(Context.root(), QUESTION, "openai");
        clock.advance(Duration.ofSeconds(1));
        if (success) {
          span.recordChaos(2026L, null).end(new ChatResponse("r", "gpt-4o", Message.assistant("18°C"),
              FinishReason.STOP, Usage.of(10, 2)));
        } else {
          span.recordChaos(2026L, "RATE_LIMIT").markFailed("429", "Injected by AgentTrace chaos").end();
        }
      }
      return capture.trace();
    }
  }
}
