// The brief's weather agent traced with the official OpenTelemetry JavaScript SDK, exporting OTLP/HTTP protobuf to
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (AgentTrace's in-test receiver): two segments, two LLM calls, one get_weather
// tool call, in AgentTrace's span conventions. Started by NodeExporterTest.
'use strict';
const { context, trace, SpanKind } = require('@opentelemetry/api');
const { BasicTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto');
const { resourceFromAttributes } = require('@opentelemetry/resources');

async function main() {
  const url = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (!url) {
    throw new Error('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is not set');
  }
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'node-weather-agent' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  const tracer = provider.getTracer('node-weather-agent', '1.0.0');
  const under = (span) => trace.setSpan(context.active(), span);

  const segment = (index, previous) => tracer.startSpan('invoke_agent weather', {
    attributes: {
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.name': 'weather',
      'agenttrace.execution.id': 'node-exec-1',
      'agenttrace.segment.index': index,
      ...(previous ? { 'agenttrace.segment.previous_span_id': previous.spanContext().spanId } : {}),
    },
    links: previous ? [{ context: previous.spanContext() }] : [],
  }, context.active());

  const chat = (parent, responseId, finishReason, input, output) => tracer.startSpan('chat gpt-4o', {
    kind: SpanKind.CLIENT,
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.response.id': responseId,
      'gen_ai.response.finish_reasons': [finishReason],
      'gen_ai.usage.input_tokens': input,
      'gen_ai.usage.output_tokens': output,
    },
  }, under(parent)).end();

  const first = segment(0);
  chat(first, 'resp-1', 'tool_call', 12, 5);
  const tool = tracer.startSpan('execute_tool get_weather', {
    attributes: {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'get_weather',
      'gen_ai.tool.call.id': 'call_1',
      'gen_ai.tool.call.arguments': '{"city":"Paris"}',
    },
  }, under(first));
  first.addEvent('agenttrace.wait', {
    'agenttrace.wait.kind': 'tool', 'agenttrace.wait.key': '0:tool:get_weather', 'agenttrace.wait.tools': ['get_weather'],
  });
  first.setAttribute('agenttrace.segment.outcome', 'waiting');
  first.end();
  tool.setAttribute('gen_ai.tool.call.result', '{"temperature":18}');
  tool.end();

  const second = segment(1, first);
  second.addEvent('agenttrace.resume', { 'agenttrace.resume.cause': 'tool' });
  chat(second, 'resp-2', 'stop', 30, 9);
  second.addEvent('agenttrace.complete');
  second.setAttribute('agenttrace.segment.outcome', 'completed');
  second.end();

  await provider.forceFlush();
  await provider.shutdown();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
