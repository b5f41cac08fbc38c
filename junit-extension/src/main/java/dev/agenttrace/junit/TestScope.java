package dev.agenttrace.junit;

import dev.agenttrace.capture.CaptureScope;
import dev.agenttrace.capture.TestSpans;
import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.capture.TracingAdapterFactory;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.runtime.VirtualClock;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.ToolStubs;
import dev.agenttrace.trace.AgentTrace;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one test owns: its {@link PerTestContext}, its clock, its capture (and, in global mode, its scope of the
 * shared SDK, joined into one {@link TestSpans}), its stubs and its harness. Kept in the test's {@code ExtensionContext.Store}; closed by JUnit when the test ends.
 */
final class TestScope implements AutoCloseable {
  private final PerTestContext test;
  private final VirtualClock clock;
  private final TraceCapture capture;
  private final CaptureScope globalScope;
  private final TestSpans spans;
  private final LlmStub llm;
  private final ToolStubs tools;
  private final AgentHarness harness;
  private final HttpStubSupport httpStubs;
  private AutoCloseable otlpReceiver;
  private final Map<Class<?>, Object> adapters = new LinkedHashMap<>();

  TestScope(PerTestContext test, CaptureScope globalScope) {
    this.test = test;
    this.clock = VirtualClock.create();
    this.capture = TraceCapture.builder().clock(clock).recordStartSites(test.settings().recordStartSites()).build();
    this.globalScope = globalScope;
    this.spans = globalScope == null ? TestSpans.of(capture) : TestSpans.of(capture, globalScope);
    this.llm = LlmStub.builder().sleeper(clock::advance).build();
    this.tools = ToolStubs.builder().sleeper(clock::advance).build();
    this.harness = AgentHarness.builder()
        .llm(llm)
        .tools(tools)
        .openTelemetry(capture.openTelemetry())
        .clock(clock)
        .rootTraceIds(capture::withRootTraceId)
        .traces(spans)
        .build();
    this.httpStubs = new HttpStubSupport(capture, Cassettes.of(test));
  }

  /** The test's trace so far: the capture's spans, plus what the shared global SDK attributed to this test. */
  AgentTrace trace() {
    return spans.trace();
  }

  /** Who the test is, its settings and where its files go. */
  PerTestContext test() {
    return test;
  }

  VirtualClock clock() {
    return clock;
  }

  TraceCapture capture() {
    return capture;
  }

  CaptureScope globalScope() {
    return globalScope;
  }

  LlmStub llm() {
    return llm;
  }

  ToolStubs tools() {
    return tools;
  }

  AgentHarness harness() {
    return harness;
  }

  /** The test's OTLP receiver, started on first use (an {@code OtlpReceiver}; typed loosely, its artifact is optional). */
  synchronized Object otlpReceiver() {
    if (otlpReceiver == null) {
      otlpReceiver = OtlpSupport.startReceiver(capture);
    }
    return otlpReceiver;
  }

  /** The test's adapter from {@code factory}, created on first use and reused for the rest of the test. */
  synchronized Object adapter(TracingAdapterFactory<?> factory) {
    return adapters.computeIfAbsent(factory.adapterType(), type -> factory.create(capture));
  }

  HttpStubSupport httpStubs() {
    return httpStubs;
  }

  @Override
  public void close() {
    httpStubs.close();
    closeReceiver();
    closeAdapters();
    if (globalScope != null) {
      globalScope.close();
    }
    capture.close();
  }

  private synchronized void closeAdapters() {
    for (Object adapter : adapters.values()) {
      if (adapter instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          throw new IllegalStateException("Could not close the test's " + adapter.getClass().getSimpleName(), e);
        }
      }
    }
  }

  private synchronized void closeReceiver() {
    if (otlpReceiver != null) {
      try {
        otlpReceiver.close();
      } catch (Exception e) {
        throw new IllegalStateException("Could not stop the test's OTLP receiver", e);
      }
    }
  }
}
