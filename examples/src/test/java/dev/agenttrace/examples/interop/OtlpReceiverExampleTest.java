package dev.agenttrace.examples.interop;

import static dev.agenttrace.assertions.AgentTraceAssertions.assertThat;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.junit.AgentTest;
import dev.agenttrace.otlp.receiver.OtlpReceiver;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An application that exports its traces with its usual OTLP exporter — here an OpenTelemetry SDK of its own, as a
 * Spring Boot app or an agent in another process would have — points it at the test's OTLP receiver; the spans join
 * the test's trace and the assertions see them.
 */
@AgentTest
class OtlpReceiverExampleTest {

  @Test
  void spansExportedOverOtlpJoinTheTestsTrace(TraceCapture capture) {
    try (OtlpReceiver receiver = OtlpReceiver.start(capture)) {
      runAppExportingTo(receiver.tracesEndpoint());

      receiver.awaitSpans(3, Duration.ofSeconds(10));

      assertThat(capture.trace())
          .hasLlmCallCount(1)
          .calledTool("get_weather").hasArguments("{\"city\":\"Paris\"}");
    }
  }

  /** The application under test: its own SDK and the standard OTLP/HTTP exporter, nothing from AgentTrace. */
  private static void runAppExportingTo(String endpoint) {
    try (SdkTracerProvider tracing = SdkTracerProvider.builder()
        .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(endpoint).build())
            .build())
        .build()) {
      Tracer tracer = tracing.get("weather-app");
      Span agent = tracer.spanBuilder("invoke_agent weather").setAttribute("gen_ai.operation.name", "invoke_agent")
          .startSpan();
      tracer.spanBuilder("chat gpt-4o").setParent(Context.root().with(agent)).setSpanKind(SpanKind.CLIENT)
          .setAttribute("gen_ai.operation.name", "chat").setAttribute("gen_ai.request.model", "gpt-4o")
          .startSpan().end();
      tracer.spanBuilder("execute_tool get_weather").setParent(Context.root().with(agent))
          .setAttribute("gen_ai.operation.name", "execute_tool").setAttribute("gen_ai.tool.name", "get_weather")
          .setAttribute("gen_ai.tool.call.arguments", "{\"city\":\"Paris\"}")
          .startSpan().end();
      agent.end();
    }   // closing the SDK flushes the batch to the receiver
  }
}
