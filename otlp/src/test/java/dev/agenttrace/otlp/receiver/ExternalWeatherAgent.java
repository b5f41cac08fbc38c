package dev.agenttrace.otlp.receiver;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The brief's weather agent as a separate program, traced with the stock OpenTelemetry SDK and its OTLP/HTTP
 * exporter (configured from {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, as any app would be): two segments, two LLM
 * calls, one {@code get_weather} tool call, in AgentTrace's span conventions. Started by {@link OutOfProcessJvmTest}.
 */
public final class ExternalWeatherAgent {
  private ExternalWeatherAgent() {}

  public static void main(String[] args) {
    String endpoint = System.getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
    if (endpoint == null) {
      throw new IllegalStateException("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is not set");
    }
    SdkTracerProvider tracing = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(
            Attributes.of(AttributeKey.stringKey("service.name"), "external-weather-agent"))))
        .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(endpoint).build())
            .build())
        .build();
    Tracer tracer = tracing.get("external-weather-agent", "1.0");

    Span first = segment(tracer, 0, null).startSpan();
    chat(tracer, first, "resp-1", "tool_call", 12, 5);
    Span tool = tracer.spanBuilder("execute_tool get_weather").setParent(Context.root().with(first))
        .setAttribute("gen_ai.operation.name", "execute_tool")
        .setAttribute("gen_ai.tool.name", "get_weather")
        .setAttribute("gen_ai.tool.call.id", "call_1")
        .setAttribute("gen_ai.tool.call.arguments", "{\"city\":\"Paris\"}")
        .startSpan();
    first.addEvent("agenttrace.wait", Attributes.builder().put("agenttrace.wait.kind", "tool")
        .put("agenttrace.wait.key", "0:tool:get_weather").put(AttributeKey.stringArrayKey("agenttrace.wait.tools"),
            List.of("get_weather")).build());
    first.setAttribute("agenttrace.segment.outcome", "waiting");
    first.end();
    tool.setAttribute("gen_ai.tool.call.result", "{\"temperature\":18}");
    tool.end();

    Span second = segment(tracer, 1, first).startSpan();
    second.addEvent("agenttrace.resume", Attributes.of(AttributeKey.stringKey("agenttrace.resume.cause"), "tool"));
    chat(tracer, second, "resp-2", "stop", 30, 9);
    second.addEvent("agenttrace.complete");
    second.setAttribute("agenttrace.segment.outcome", "completed");
    second.end();

    tracing.forceFlush().join(10, TimeUnit.SECONDS);
    tracing.shutdown().join(10, TimeUnit.SECONDS);
  }

  private static io.opentelemetry.api.trace.SpanBuilder segment(Tracer tracer, int index, Span previous) {
    io.opentelemetry.api.trace.SpanBuilder segment = tracer.spanBuilder("invoke_agent weather")
        .setNoParent()
        .setAttribute("gen_ai.operation.name", "invoke_agent")
        .setAttribute("gen_ai.agent.name", "weather")
        .setAttribute("agenttrace.execution.id", "exec-1")
        .setAttribute(AttributeKey.longKey("agenttrace.segment.index"), (long) index);
    if (previous != null) {
      segment.addLink(previous.getSpanContext())
          .setAttribute("agenttrace.segment.previous_span_id", previous.getSpanContext().getSpanId());
    }
    return segment;
  }

  private static void chat(Tracer tracer, Span segment, String responseId, String finishReason, long in, long out) {
    tracer.spanBuilder("chat gpt-4o").setParent(Context.root().with(segment)).setSpanKind(SpanKind.CLIENT)
        .setAttribute("gen_ai.operation.name", "chat")
        .setAttribute("gen_ai.provider.name", "openai")
        .setAttribute("gen_ai.request.model", "gpt-4o")
        .setAttribute("gen_ai.response.id", responseId)
        .setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of(finishReason))
        .setAttribute(AttributeKey.longKey("gen_ai.usage.input_tokens"), in)
        .setAttribute(AttributeKey.longKey("gen_ai.usage.output_tokens"), out)
        .startSpan()
        .end();
  }
}
