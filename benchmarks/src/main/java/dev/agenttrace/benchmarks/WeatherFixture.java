package dev.agenttrace.benchmarks;

import dev.agenttrace.capture.TestSpans;
import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.AgentRun;
import dev.agenttrace.runtime.VirtualClock;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import dev.agenttrace.trace.AgentTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * What one weather-agent test owns: a virtual clock, the scripted stubs of the README's example and, depending on
 * the {@link Wiring}, no harness, a harness on the no-op OpenTelemetry, or a harness wired to a {@link TraceCapture}
 * exactly as the JUnit extension's test scope wires it (the test's {@link TestSpans} as the harness's trace source).
 */
final class WeatherFixture implements AutoCloseable {
  static final String QUESTION = "What's the weather in Paris?";
  static final String ANSWER = "18°C and sunny in Paris.";
  private static final WeatherAgentCopy AGENT = new WeatherAgentCopy();

  /** The agent's answer and the trace of its run. */
  record Outcome(String answer, AgentTrace trace) {}

  /** How much of AgentTrace sits between the agent and the stubs. */
  enum Wiring { PLAIN, HARNESS_NOOP_OTEL, HARNESS_WITH_CAPTURE }

  private final VirtualClock clock = VirtualClock.create();
  private final LlmStub llm = LlmStub.builder().sleeper(clock::advance).build();
  private final ToolStubs tools = ToolStubs.builder().sleeper(clock::advance).build();
  private final TraceCapture capture;
  private final TestSpans spans;
  private final AgentHarness harness;

  WeatherFixture(Wiring wiring) {
    llm.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
    llm.whenLastMessageIsToolResult("get_weather").replyWithText(ANSWER);
    tools.stub("get_weather").returns("{\"tempC\":18,\"sky\":\"sunny\"}");
    capture = wiring == Wiring.HARNESS_WITH_CAPTURE ? TraceCapture.builder().clock(clock).build() : null;
    spans = capture == null ? null : TestSpans.of(capture);
    if (wiring == Wiring.PLAIN) {
      harness = null;
    } else {
      AgentHarness.Builder builder = AgentHarness.builder().llm(llm).tools(tools).clock(clock);
      if (capture != null) {
        builder.openTelemetry(capture.openTelemetry())
            .rootTraceIds(capture::withRootTraceId)
            .traces(spans);
      }
      harness = builder.build();
    }
  }

  /** The harness of this fixture (null for {@link Wiring#PLAIN}). */
  AgentHarness harness() {
    return harness;
  }

  /** The weather agent every wiring runs. */
  static WeatherAgentCopy agent() {
    return AGENT;
  }

  /** Empties the capture, so the next measurement starts without the spans of the last one. */
  void resetCapture() {
    capture.reset();
  }

  /** The agent logic calling the stubs directly: no harness, no journal, no spans. */
  String runPlain() {
    return WeatherAgentCopy.answer(llm::chat, this::executeDirectly, QUESTION);
  }

  /** One run through the harness to its end; returns the agent's answer. */
  String runHarness() {
    return harness.run(AGENT, QUESTION).output();
  }

  /**
   * One run through the harness, then the {@link AgentTrace} snapshot a test asserts on ({@code run.trace()}, which
   * is the test's trace). The capture is reset afterwards so the next run starts empty.
   */
  Outcome runAndSnapshot() {
    AgentRun<String> run = harness.run(AGENT, QUESTION);
    String answer = run.output();
    AgentTrace trace = run.trace();
    capture.reset();
    return new Outcome(answer, trace);
  }

  /** {@code runs} runs through the harness into one capture, then their trace: 5 spans per run. */
  AgentTrace runsInOneTrace(int runs) {
    for (int i = 0; i < runs; i++) {
      runHarness();
    }
    AgentTrace trace = capture.trace();
    capture.reset();
    return trace;
  }

  private List<Message> executeDirectly(List<ToolCall> calls) {
    List<Message> results = new ArrayList<>(calls.size());
    for (ToolCall call : calls) {
      try {
        results.add(Message.toolResult(call, tools.execute(call)));
      } catch (Exception toolFailure) {
        throw new IllegalStateException("The scripted weather tool failed", toolFailure);
      }
    }
    return results;
  }

  @Override
  public void close() {
    if (capture != null) {
      capture.close();
    }
  }
}
