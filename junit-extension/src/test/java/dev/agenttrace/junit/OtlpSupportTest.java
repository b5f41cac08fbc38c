package dev.agenttrace.junit;

import static dev.agenttrace.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.otlp.OtlpJson;
import dev.agenttrace.otlp.export.TestIdentity;
import dev.agenttrace.otlp.receiver.OtlpReceiver;
import dev.agenttrace.runtime.AgentHarness;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OTLP in an agent test: the injected receiver, export of each test's trace, and the OTLP JSON file per test. */
class OtlpSupportTest {
  @TempDir
  Path dir;

  @AgentTest
  static class ReceivesFromAnotherSdk {
    @Test
    void spansSentToTheReceiverJoinTheTestsTrace(OtlpReceiver receiver, Supplier<AgentTrace> trace) {
      try (SdkTracerProvider provider = SdkTracerProvider.builder()
          .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
              .setEndpoint(receiver.tracesEndpoint()).build()))
          .build()) {
        provider.get("remote-agent").spanBuilder("remote work").startSpan().end();
        provider.forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
      }
      receiver.awaitSpanNamed("remote work", Duration.ofSeconds(10));

      assertThat(trace.get().spans()).extracting(TraceSpan::name).containsExactly("remote work");
    }
  }

  @Test
  void anInjectedReceiverFeedsTheTestsCapture() {
    run(ReceivesFromAnotherSdk.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @AgentTest
  static class AnswersOnce {
    @Test
    void answers(AgentHarness harness, LlmStub llm) {
      llm.whenAnyRequest().replyWithText("token sk-proj-Zz99Yy88Xx77Ww66Vv55Uu44 is mine");
      harness.run(Agents.oneShot(), "hi");
    }
  }

  @Test
  void eachTestsTraceIsExportedWithItsIdentityAndWrittenAsOtlpJsonWithoutSecrets() throws Exception {
    List<SpanData> exported = new CopyOnWriteArrayList<>();
    try (OtlpReceiver backend = OtlpReceiver.start(exported::addAll)) {
      run(AnswersOnce.class, Map.of(
          OtlpSupport.ENDPOINT_PARAMETER, backend.tracesEndpoint(),
          OtlpSupport.FILE_PARAMETER, "true",
          ReportSupport.DIR_PARAMETER, dir.toString(),
          ExtensionSettings.TRACE_DIR_PARAMETER, dir.resolve("traces").toString()))
          .testEvents().assertStatistics(stats -> stats.succeeded(1));
      backend.awaitSpans(2, Duration.ofSeconds(10));
    }

    assertThat(exported).extracting(SpanData::getName).containsExactlyInAnyOrder("invoke_agent agent", "chat gpt-4o");
    assertThat(exported).allSatisfy(span -> assertThat(span.getResource().getAttributes().asMap().toString())
        .contains(TestIdentity.METHOD + "=answers", AnswersOnce.class.getName()));
    assertThat(exported.toString()).doesNotContain("sk-proj-Zz99");
    Path file = dir.resolve(AnswersOnce.class.getName()).resolve("answers.otlp.json");
    assertThat(Files.readString(file)).doesNotContain("sk-proj-Zz99");
    assertThat(OtlpJson.read(file).spans()).extracting(TraceSpan::name)
        .containsExactly("invoke_agent agent", "chat gpt-4o");
  }
}
